// Reference data seeded in every database: qualities (SPEC §1) and the permission catalogue (SPEC §3).
// Both stay data: an administrator may add or deactivate entries without a code change.

type Names = { nameFr: string; nameNl: string; nameEn: string; nameDe: string };

export const qualityCatalogue: Array<{ code: string; sortOrder: number } & Names> = [
  { code: "employeur-onss", sortOrder: 1, nameFr: "Employeur ONSS", nameNl: "RSZ-werkgever", nameEn: "NSSO employer", nameDe: "LSS-Arbeitgeber" },
  { code: "secretariat-social", sortOrder: 2, nameFr: "Secrétariat social", nameNl: "Sociaal secretariaat", nameEn: "Social secretariat", nameDe: "Sozialsekretariat" },
  { code: "prestataire-services", sortOrder: 3, nameFr: "Prestataire de services", nameNl: "Dienstverlener", nameEn: "Service provider", nameDe: "Dienstleister" },
  { code: "prestataire-formation", sortOrder: 4, nameFr: "Prestataire de formation", nameNl: "Opleidingsverstrekker", nameEn: "Training provider", nameDe: "Bildungsanbieter" },
];

export const permissionCatalogue: Array<{ code: string; applicationCode?: string; kind: "batch" | "webservice"; sortOrder: number } & Names> = [
  { code: "batch.pension-preload", applicationCode: "DB2P", kind: "batch", sortOrder: 1, nameFr: "Base de données des pensions complémentaires - Preload", nameNl: "Databank aanvullende pensioenen - Preload", nameEn: "Supplementary pensions database - Preload", nameDe: "Datenbank der Zusatzpensionen - Preload" },
  { code: "batch.dmfa", applicationCode: "DMFA", kind: "batch", sortOrder: 2, nameFr: "DmfA", nameNl: "DmfA", nameEn: "DmfA", nameDe: "DmfA" },
  { code: "batch.drs", applicationCode: "DRS", kind: "batch", sortOrder: 3, nameFr: "DRS - Déclaration de risque social", nameNl: "ASR - Aangifte sociaal risico", nameEn: "DRS - Social risk declaration", nameDe: "ESR - Erklärung eines sozialen Risikos" },
  { code: "batch.dimona", applicationCode: "DIMONA", kind: "batch", sortOrder: 4, nameFr: "Dimona", nameNl: "Dimona", nameEn: "Dimona", nameDe: "Dimona" },
  { code: "batch.temporary-unemployment", applicationCode: "WECH", kind: "batch", sortOrder: 5, nameFr: "Chômage temporaire", nameNl: "Tijdelijke werkloosheid", nameEn: "Temporary unemployment", nameDe: "Zeitweilige Arbeitslosigkeit" },
  { code: "batch.worksite-declaration", applicationCode: "30BIS", kind: "batch", sortOrder: 6, nameFr: "Déclaration unique de chantier", nameNl: "Unieke aangifte van werken", nameEn: "Single worksite declaration", nameDe: "Einheitliche Baustellenmeldung" },
  { code: "ws.careerpro-fla", kind: "webservice", sortOrder: 1, nameFr: "CareerPro - Federal Learning Account - Déclaration", nameNl: "CareerPro - Federal Learning Account - Aangifte", nameEn: "CareerPro - Federal Learning Account - Declaration", nameDe: "CareerPro - Federal Learning Account - Erklärung" },
  { code: "ws.checkinatwork-consult", kind: "webservice", sortOrder: 2, nameFr: "Check In And Out @ Work - Consultation", nameNl: "Check In And Out @ Work - Raadpleging", nameEn: "Check In And Out @ Work - Consultation", nameDe: "Check In And Out @ Work - Abfrage" },
  { code: "ws.dimona-consult", kind: "webservice", sortOrder: 3, nameFr: "Consultation de la déclaration Dimona", nameNl: "Raadpleging van de Dimona-aangifte", nameEn: "Dimona declaration consultation", nameDe: "Abfrage der Dimona-Meldung" },
  { code: "ws.dimona-declare", kind: "webservice", sortOrder: 4, nameFr: "Effectuer des déclarations Dimona", nameNl: "Dimona-aangiftes doen", nameEn: "Make Dimona declarations", nameDe: "Dimona-Meldungen vornehmen" },
  { code: "ws.withholding-obligation", kind: "webservice", sortOrder: 5, nameFr: "Obligation de retenue", nameNl: "Inhoudingsplicht", nameEn: "Withholding obligation", nameDe: "Einbehaltungspflicht" },
  { code: "ws.rest-employer-front-office", kind: "webservice", sortOrder: 6, nameFr: "Service Rest Employer - Front Office", nameNl: "Service Rest Employer - Front Office", nameEn: "Service Rest Employer - Front Office", nameDe: "Service Rest Employer - Front Office" },
  { code: "ws.rest-employer-public", kind: "webservice", sortOrder: 7, nameFr: "Service Rest Employer - Public", nameNl: "Service Rest Employer - Public", nameEn: "Service Rest Employer - Public", nameDe: "Service Rest Employer - Public" },
  { code: "ws.wita-amateur", kind: "webservice", sortOrder: 8, nameFr: "WITA Amateur - Entreprise", nameNl: "WITA Amateur - Onderneming", nameEn: "WITA Amateur - Enterprise", nameDe: "WITA Amateur - Unternehmen" },
];

/**
 * OAuth scopes per quality (seed 003 §6.1, SPEC §7), each tied to the web-service permission that grants it.
 * Seed 003 names the employer and provider (mandataire: social secretariat or service provider) scopes;
 * the training provider's value is blank in the manual, so ours follows the same pattern.
 */
export const scopeCatalogue: Array<{ scope: string; qualityCode: string; permissionCode: string }> = [
  { scope: "scope:sigedis:gestion:careerpro-federal-learning-account:employer", qualityCode: "employeur-onss", permissionCode: "ws.careerpro-fla" },
  { scope: "scope:sigedis:gestion:careerpro-federal-learning-account:provider", qualityCode: "secretariat-social", permissionCode: "ws.careerpro-fla" },
  { scope: "scope:sigedis:gestion:careerpro-federal-learning-account:provider", qualityCode: "prestataire-services", permissionCode: "ws.careerpro-fla" },
  { scope: "scope:sigedis:gestion:careerpro-federal-learning-account:trainingprovider", qualityCode: "prestataire-formation", permissionCode: "ws.careerpro-fla" },
];
