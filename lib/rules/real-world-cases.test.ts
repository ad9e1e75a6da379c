/**
 * Issue 12: every file of `../shared/cases/public/` (beside the clone, as in CI) gets the verdict
 * of its README row, through the same entry points as the web forms and `chaman check`.
 * CHAMAN_CASES_DIR may point elsewhere (a git worktree has no `../shared`). A missing folder FAILS.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkCertificate, readCertificateDetails } from './certificate';
import { checkSshPublicKey } from './ssh-key';

const DIR = process.env.CHAMAN_CASES_DIR ?? path.resolve(process.cwd(), '../shared/cases/public');
const NOW = new Date('2027-06-01T00:00:00Z');

/** README verdicts: every listed file is accepted; extra details checked where the row names them. */
const EXPECTED: Record<string, { serialNumber?: string; notes?: string[] }> = {
  'c05_trusted_certificate.cer': { notes: ['opensslTrust'] },
  'c08_der_trailing_crlf.cer': { notes: ['padding'] },
  'c09_bare_base64.cer': {},
  'c10_pem_utf16le.cer': { notes: ['textEncoding'] },
  'c11_negative_serial.cer': { serialNumber: '-546436750429' },
  's03_authorized_keys_options.pub': { notes: ['optionsDropped'] },
  's07_authorized_keys_comment_line.pub': { notes: ['commentLinesIgnored'] },
};

describe('issue 12: real-world upload shapes (../shared/cases/public)', () => {
  it('the cases folder is there (CI copies shared/ beside the clone)', () => {
    assert.ok(existsSync(path.join(DIR, 'README.md')), `missing ${DIR}: copy shared/ beside the clone or set CHAMAN_CASES_DIR`);
  });
  const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => /\.(cer|pub)$/.test(f) && f !== 'ca_example.cer') : [];
  it('every file in the folder has a verdict here, and every verdict a file', () => {
    assert.deepEqual(files.sort(), Object.keys(EXPECTED).sort());
  });
  for (const file of Object.keys(EXPECTED)) {
    it(`${file} is accepted`, async () => {
      const bytes = new Uint8Array(readFileSync(path.join(DIR, file)));
      const want = EXPECTED[file] ?? {};
      if (file.endsWith('.pub')) {
        const r = checkSshPublicKey(bytes);
        assert.ok(r.ok, JSON.stringify(r));
        for (const note of want.notes ?? []) assert.ok(r.notes.includes(note as never), `${note} in ${r.notes.join()}`);
        // Pasted as text (the web form's textarea) gives the same verdict.
        assert.ok(checkSshPublicKey(new TextDecoder().decode(bytes)).ok);
        return;
      }
      const ca = await readCertificateDetails(new Uint8Array(readFileSync(path.join(DIR, 'ca_example.cer'))));
      assert.ok(ca.ok);
      const r = await checkCertificate({ fileName: file, bytes, channel: 'FTP', trustStore: [{ family: 'eid', der: ca.der, label: 'ca' }], now: NOW });
      assert.ok(r.ok, JSON.stringify(r));
      if (want.serialNumber) assert.equal(r.details.serialNumber, want.serialNumber);
      for (const note of want.notes ?? []) assert.ok(r.reading.notes.includes(note as never), `${note} in ${r.reading.notes.join()}`);
    });
  }
});
