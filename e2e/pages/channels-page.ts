import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A .cer file for setInputFiles. */
export function cerFile(name: string, bytes: Uint8Array | string): UploadFile {
  return { name, mimeType: "application/pkix-cert", buffer: Buffer.from(bytes) };
}

/** Downloads a trainer-kit sample with the signed-in session (certificates issued by the demo CAs). */
export async function kitFile(request: APIRequestContext, id: string): Promise<UploadFile> {
  const response = await request.get(`/trainer-kit/files/${encodeURIComponent(id)}`);
  expect(response.ok(), `kit file ${id}`).toBe(true);
  return { name: id, mimeType: "application/octet-stream", buffer: await response.body() };
}

/** No serious or critical accessibility violation on the current page (and open dialog). */
export async function expectAccessible(page: Page): Promise<void> {
  // Next streams a page's metadata after its body: right after a navigation the <title> may not be there
  // yet, and axe would report « document-title ». Wait for it (it must come), then check the page.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** « ChaMan - Gestion des canaux techniques »: the accounts of the sender and the create dialogs. */
export class ChannelsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { name: "Canaux FTP - SFTP" })).toBeVisible();
  }

  section(title: "Canaux FTP - SFTP" | "Canaux Webservices"): Locator {
    return this.page.getByRole("region", { name: title });
  }

  /** The account's row; its name cell may also carry a flag (« Expiré », issue 13) after the name. */
  row(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return this.page.getByRole("row").filter({ has: this.page.getByRole("cell", { name: new RegExp(`^${escaped}(\\s|$)`) }) });
  }

  /** Opens « Ajouter un compte FTP ou SFTP » / « … Webservice » without choosing a type; returns the dialog. */
  async openCreateDialog(group: "batch" | "webservice"): Promise<Locator> {
    const button = group === "batch" ? "Ajouter un compte FTP ou SFTP" : "Ajouter un compte Webservice";
    await this.page.getByRole("button", { name: button }).click();
    const dialog = this.page.getByRole("dialog", { name: button });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Opens « Ajouter un compte … » and picks the type; returns the dialog. */
  async openCreate(type: "FTP" | "SFTP" | "SOAP" | "REST"): Promise<Locator> {
    const dialog = await this.openCreateDialog(type === "FTP" || type === "SFTP" ? "batch" : "webservice");
    await dialog.getByLabel("Type").selectOption(type);
    return dialog;
  }

  async fillCreate(
    dialog: Locator,
    fields: { name: string; permissions?: string[]; certificate: UploadFile; certificateName: string; username?: string; password?: string; sshKey?: string },
  ): Promise<void> {
    await dialog.getByLabel("Nom du compte").fill(fields.name);
    for (const permission of fields.permissions ?? []) await dialog.getByRole("checkbox", { name: permission }).check();
    await dialog.getByLabel(/^Certificat\*?$/).setInputFiles(fields.certificate);
    await dialog.getByLabel("Nom du certificat").fill(fields.certificateName);
    if (fields.username !== undefined) await dialog.getByLabel("Nom d’utilisateur").fill(fields.username);
    if (fields.password !== undefined) await dialog.getByLabel("Mot de passe").fill(fields.password);
    if (fields.sshKey !== undefined) await dialog.getByLabel("Clé SSH publique").fill(fields.sshKey);
  }

  async submit(dialog: Locator): Promise<void> {
    await dialog.getByRole("button", { name: "Valider" }).click();
  }

  async deleteAccount(name: string): Promise<void> {
    await this.page.getByRole("button", { name: `Supprimer le compte ${name}` }).click();
    const dialog = this.page.getByRole("dialog", { name: "Supprimer le compte" });
    await expect(dialog.getByText("La suppression d’un compte est définitive. Confirmez-vous cette action ?")).toBeVisible();
    await dialog.getByRole("button", { name: "Supprimer" }).click();
    await expect(dialog).toBeHidden();
  }

  async openDetails(name: string): Promise<void> {
    await this.page.getByRole("link", { name: `Détails du compte ${name}` }).click();
    await expect(this.page.getByRole("link", { name: "← Retour aux comptes" })).toBeVisible();
  }
}
