// Who may do what, for one enterprise and quality (SPEC §1, FAQ « Qui peut accéder au service en
// ligne Chaman ? »). Pure: no framework, no database; unit-tested in access.test.ts.

export const roleKinds = [
  "responsable-acces",
  "co-responsable-acces",
  "gestionnaire-local",
  "co-gestionnaire-local",
  "gestionnaire-acces",
] as const;
export type RoleKind = (typeof roleKinds)[number];

export const entityRoles: readonly RoleKind[] = ["responsable-acces", "co-responsable-acces"];

export interface Access {
  /** May use Chaman for this sender. */
  chamanAccess: boolean;
  /** May grant or revoke « Chaman - Gestion des canaux techniques » and name co-gestionnaires. */
  canManageRights: boolean;
  /** May activate qualities, designate local managers and co-responsables (entity level). */
  canManageQualities: boolean;
}

/**
 * Access managers (entity or quality level) get Chaman automatically; a classic user needs the right.
 * @param roles the user's roles for this enterprise: entity roles plus the roles for this quality.
 */
export function accessFor(roles: readonly RoleKind[], hasChamanRight: boolean): Access {
  const manager = roles.length > 0;
  const entity = roles.some((role) => entityRoles.includes(role));
  return {
    chamanAccess: manager || hasChamanRight,
    canManageRights: manager,
    canManageQualities: entity,
  };
}
