import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { opensslSignWithPkcs12 } from "../lib/transfer/testing/openssl";
import { ChannelsPage, expectAccessible, kitFile } from "./pages/channels-page";
import { TransfersPage } from "./pages/transfers-page";
import { resetDemoData } from "./support/reset";
import { signedIn } from "./support/signed-in";

// Issue 15, the trainer's walk: an SFTP account made in the browser with the trainer kit's files, a
// production declaration signed with seed 000 §3.1's OpenSSL steps and sent with OpenSSH `sftp` (the
// SFTP server runs in the app, scripts/e2e-server.mjs), the ACRF fetched from OUT, the verdict on
// « Transferts ».
test("a sender made in the browser sends a signed declaration over SFTP and finds the acknowledgement", async ({ browser, request }) => {
  await resetDemoData(request);
  const page = await signedIn(browser, "claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  const senderNumber = (await page.getByText(/Votre numéro expéditeur : \d{6}/).textContent())?.match(/\d{6}/)?.[0] ?? "";
  const [cer, p12, pub, key] = await Promise.all(
    ["accepte-eid-rsa2048.cer", "formation-signature-eid.p12", "ssh-accepte-rsa2048.pub", "formation-ssh-cle-privee"].map((id) => kitFile(page.request, id)),
  );
  const dialog = await channels.openCreate("SFTP");
  await channels.fillCreate(dialog, { name: "Dupont SFTP", permissions: ["DmfA"], certificate: cer!, certificateName: "signature", username: "EXPDUPONTSFTP", sshKey: pub!.buffer.toString() });
  await channels.submit(dialog);
  await expect(dialog).toBeHidden();

  await channels.openDetails("Dupont SFTP");
  const connection = page.getByRole("region", { name: "Connexion au serveur SFTP" });
  await expect(connection).toContainText("EXPDUPONTSFTP");
  const port = (await connection.getByText(/^\d+$/).first().textContent()) ?? "";
  const fingerprint = (await page.getByTestId("host-key-fingerprint").textContent()) ?? "";
  expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  await expectAccessible(page);

  const dir = mkdtempSync(path.join(tmpdir(), "chaman-e2e-sftp-"));
  try {
    const stem = `DMFA.${senderNumber}.20260110.00001.R`;
    writeFileSync(path.join(dir, "kit.p12"), p12!.buffer);
    writeFileSync(path.join(dir, "id"), key!.buffer, { mode: 0o600 });
    writeFileSync(path.join(dir, `FI.${stem}.1.1`), "<DmfA>\r\n  <Formation/>\r\n</DmfA>\r\n");
    writeFileSync(path.join(dir, `GO.${stem}.1`), "");
    opensslSignWithPkcs12(path.join(dir, `FI.${stem}.1.1`), path.join(dir, "kit.p12"), "chaman-demo", path.join(dir, `FS.${stem}.1.1`));
    writeFileSync(path.join(dir, "batch"), ["cd IN", `put FI.${stem}.1.1`, `put FS.${stem}.1.1`, `put GO.${stem}.1`, "cd ../OUT", `get ACRF.${stem}`, ""].join("\n"));
    // First connection: the host key is accepted and then checked against the page's fingerprint.
    const knownHosts = path.join(dir, "known_hosts");
    execFileSync("sftp", ["-b", "batch", "-i", "id", "-P", port, "-o", `UserKnownHostsFile=${knownHosts}`, "-o", "StrictHostKeyChecking=accept-new", "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "EXPDUPONTSFTP@127.0.0.1"], { cwd: dir, stdio: "pipe", timeout: 30_000 });
    expect(execFileSync("ssh-keygen", ["-l", "-f", knownHosts]).toString()).toContain(fingerprint);
    expect(readFileSync(path.join(dir, `ACRF.${stem}`), "utf8")).toContain("<Status>ACCEPTED</Status>");

    const transfers = new TransfersPage(page);
    await transfers.goto();
    const row = transfers.environment(/^Production/).getByRole("row", { name: new RegExp(stem.replace(/\./g, "\\.")) });
    await expect(row).toContainText("Acceptée");
    await expect(row).toContainText(`OUT/ACRF.${stem}`);
    await expect(page.getByRole("region", { name: "Fichiers à récupérer" })).toContainText(`ACRF.${stem}`);
    await expectAccessible(page);

    // A GO whose name is malformed (30 February) gets a refusal naming the problem, on the page too.
    const badGo = `GO.DMFA.${senderNumber}.20260230.00002.T.1`;
    writeFileSync(path.join(dir, badGo), "");
    writeFileSync(path.join(dir, "batch-bad"), ["cd INTEST", `put ${badGo}`, ""].join("\n"));
    execFileSync("sftp", ["-b", "batch-bad", "-i", "id", "-P", port, "-o", `UserKnownHostsFile=${knownHosts}`, "-o", "StrictHostKeyChecking=yes", "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "EXPDUPONTSFTP@127.0.0.1"], { cwd: dir, stdio: "pipe", timeout: 30_000 });
    await page.reload();
    const refused = transfers.environment(/^Test et simulation/).getByRole("row", { name: new RegExp(badGo.replace(/\./g, "\\.")) });
    await expect(refused).toContainText("Refusée");
    await expect(refused).toContainText("La date « 20260230 » du fichier GO");
    await expect(refused).toContainText(`OUTTEST/NOTIF.${badGo}.`);
    await expectAccessible(page);

    // An FI saved with a « .txt » suffix waits in IN for ever: the page says so, with its size.
    const stray = `FI.DMFA.${senderNumber}.20260110.00003.R.1.1.txt`;
    writeFileSync(path.join(dir, stray), "<DmfA/>\r\n");
    writeFileSync(path.join(dir, "batch-stray"), ["cd IN", `put ${stray}`, ""].join("\n"));
    execFileSync("sftp", ["-b", "batch-stray", "-i", "id", "-P", port, "-o", `UserKnownHostsFile=${knownHosts}`, "-o", "StrictHostKeyChecking=yes", "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "EXPDUPONTSFTP@127.0.0.1"], { cwd: dir, stdio: "pipe", timeout: 30_000 });
    await page.reload();
    const waiting = transfers.waitingFile(stray);
    await expect(waiting).toContainText("9 octets");
    await expect(waiting).toContainText("Suffixe en trop « .txt »");
    await expectAccessible(page);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await page.context().close();
  }
});
