import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import ssh2 from "ssh2";
import { loadOrCreateHostKey } from "./host-key";

// ssh2's generateKeyPairSync("ed25519") wrote an unreadable key about once in 250 (a CI run's SFTP server
// then failed at every start): 1,500 fresh host keys must all read back, with a stable fingerprint.
test("every new SFTP host key reads back with ssh2 and keeps its fingerprint", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chaman-hostkey-"));
  try {
    for (let i = 0; i < 1500; i++) {
      const file = path.join(dir, `key-${i}`);
      const made = await loadOrCreateHostKey(file);
      const parsed = ssh2.utils.parseKey(made.privateKey);
      assert.ok(!(parsed instanceof Error), `key ${i}: ${parsed instanceof Error ? parsed.message : ""}`);
      assert.equal((await loadOrCreateHostKey(file)).fingerprint, made.fingerprint);
      assert.match(made.fingerprint, /^SHA256:[A-Za-z0-9+/]{43}$/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
