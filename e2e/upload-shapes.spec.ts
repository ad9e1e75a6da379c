import { expect, test } from "@playwright/test";
import { generateSshKeyPair } from "../lib/pki/generate";
import { ChannelsPage, kitFile, type UploadFile } from "./pages/channels-page";
import { LoginPage } from "./pages/login-page";
import { resetDemoData } from "./support/reset";

// Issue 12: files as people really produce them, through the browser — a PEM saved by PowerShell
// (UTF-16LE with BOM, CRLF), an authorized_keys line with options after a # comment line — and
// oversized files, which are named in the field at once instead of crashing the page.
test.describe.configure({ mode: "serial" });

// Before each test: the first one creates Claire's SFTP account, and a sender has only one (the type is
// then offered disabled), so the next one starts again from the demo data.
test.beforeEach(async ({ request }) => resetDemoData(request));

/** The kit's certificate as PowerShell `Get-Content x.cer > y.cer` writes it: UTF-16LE, BOM, CRLF. */
function powershellPem(cert: UploadFile): UploadFile {
  const der = cert.buffer[0] === 0x30 ? cert.buffer : Buffer.from(cert.buffer.toString("latin1").replace(/-----[^-]+-----|\s/g, ""), "base64");
  const pem = `-----BEGIN CERTIFICATE-----\r\n${(der.toString("base64").match(/.{1,64}/g) ?? []).join("\r\n")}\r\n-----END CERTIFICATE-----\r\n`;
  return { name: "dupont-sftp.cer", mimeType: "application/pkix-cert", buffer: Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(pem, "utf16le")]) };
}

test("a UTF-16 certificate and an authorized_keys line with options and a comment line are accepted, with the note", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  const cert = powershellPem(await kitFile(page.request, "accepte-eid-rsa2048.cer"));
  const key = generateSshKeyPair({ bits: 2048, comment: "batch@dupont" });
  const pasted = `# laptop key of the batch operator\nfrom="192.0.2.0/24",no-pty,no-port-forwarding ${key.openssh}\n`;

  const dialog = await channels.openCreate("SFTP");
  // Seed 001 §2.4: the SFTP account keeps the sender's FTP username, proposed by the dialog.
  await expect(dialog.getByLabel("Nom d’utilisateur")).toHaveValue("EXPDUPONT1");
  await channels.fillCreate(dialog, { name: "Dupont SFTP", permissions: ["DmfA"], certificate: cert, certificateName: "sftp-powershell", sshKey: pasted });
  await channels.submit(dialog);
  await expect(dialog).toBeHidden();
  await expect(channels.row("Dupont SFTP")).toBeVisible();
  const notes = page.getByRole("status").filter({ hasText: "Enregistré. À noter" });
  await expect(notes).toContainText('les options authorized_keys placées devant la clé (from="192.0.2.0/24",no-pty,no-port-forwarding) ont été retirées');
  await expect(notes).toContainText("les lignes commençant par # ont été ignorées");
  await expect(notes).toContainText("le fichier était un texte UTF-16LE");
});

test("issue 12 leftover: text after the PEM block is ignored, and the note quotes it", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  const utf16 = powershellPem(await kitFile(page.request, "accepte-eid-rsa2048.cer"));
  const pem = Buffer.from(`${utf16.buffer.subarray(2).toString("utf16le").replace(/\r\n/g, "\n")}Exported by CertTool 2.1\n`, "utf8");
  const dialog = await channels.openCreate("SFTP");
  await channels.fillCreate(dialog, { name: "Dupont SFTP", permissions: ["DmfA"], certificate: { ...utf16, buffer: pem }, certificateName: "sftp-trailing-text", sshKey: generateSshKeyPair({ bits: 2048 }).openssh });
  await channels.submit(dialog);
  await expect(dialog).toBeHidden();
  const notes = page.getByRole("status").filter({ hasText: "Enregistré. À noter" });
  await expect(notes).toContainText("Certificat : le texte placé après la fin du bloc PEM (« Exported by CertTool 2.1 ») a été ignoré ; seul le certificat a été lu.");
});

test("a file over the limit is named in the field at once, and nothing is sent", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  const dialog = await channels.openCreate("SFTP");
  const certificate = dialog.getByLabel(/^Certificat\*?$/);
  await certificate.setInputFiles({ name: "big.cer", mimeType: "application/pkix-cert", buffer: Buffer.alloc(1024 * 1024, 0x41) });
  await expect(certificate).toHaveAccessibleDescription(/Le fichier fait 1[\s\u202f\u00a0]048[\s\u202f\u00a0]576 octets.*65[\s\u202f\u00a0]536 octets \(64 Kio\)/);
  await expect(certificate).toHaveValue("");
  await dialog.getByLabel("Charger la clé depuis un fichier (.pub)").setInputFiles({ name: "big.pub", mimeType: "text/plain", buffer: Buffer.alloc(20_000, 0x41) });
  await expect(dialog.getByLabel(/^Clé SSH publique\*?$/)).toHaveAccessibleDescription(/20[\s\u202f\u00a0]000 octets/);
  // A paste far over the server's body limit: named at once, then refused by the form without sending.
  const sshKey = dialog.getByLabel(/^Clé SSH publique\*?$/);
  await sshKey.fill("A".repeat(300 * 1024));
  await expect(sshKey).toHaveAccessibleDescription(/307[\s\u202f\u00a0]200 octets/);
  await channels.submit(dialog);
  await expect(dialog.getByRole("alert")).toContainText(/Le formulaire fait [\d\s\u202f\u00a0]+ octets/);
  expect(posts).toEqual([]);
  await expect(page.getByText("Une erreur inattendue s’est produite")).toHaveCount(0);
});

test("a 300 KB multipart POST to /login is a clean 413, not a 500", async ({ request }) => {
  const response = await request.post("/login", { multipart: { username: "claire", password: "demo", filler: "x".repeat(300 * 1024) } });
  expect(response.status()).toBe(413);
  expect(await response.text()).toMatch(/at most 262144/);
});
