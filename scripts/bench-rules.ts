/**
 * Benchmark of the credential rules (SPEC §4.3, §4.4).
 *
 *   node --import tsx scripts/bench-rules.ts [iterations]
 *
 * Measures one certificate check (RSA 2048 leaf issued by a trust-store CA, FTP channel, so
 * parsing + signature verification + fingerprint) and one SSH key check, after a warm-up.
 * Prints a table and exits 1 if the certificate check's median reaches 5 ms.
 */
import { createLeaf, createSamplePki } from '@/lib/pki/sample';
import { generateSshKeyPair } from '@/lib/pki/ssh';
import { checkCertificate } from '@/lib/rules/certificate';
import { checkSshPublicKey } from '@/lib/rules/ssh-key';

const CERT_MEDIAN_BUDGET_MS = 5;
const iterations = Number(process.argv[2] ?? 500);
const warmup = Math.max(50, Math.floor(iterations / 5));

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

async function measure(run: () => unknown): Promise<{ median: number; p99: number; max: number }> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] ?? NaN };
}

async function main(): Promise<number> {
  const pki = await createSamplePki();
  const leaf = await createLeaf({ issuer: pki.eid });
  const ssh = generateSshKeyPair({ bits: 2048 });
  const now = new Date();

  const certInput = { fileName: 'bench.cer', bytes: leaf.der, channel: 'FTP' as const, trustStore: pki.trustStore, now };
  const first = await checkCertificate(certInput);
  if (!first.ok) throw new Error(`benchmark certificate refused: ${first.code}`);
  if (!checkSshPublicKey(ssh.openssh).ok) throw new Error('benchmark SSH key refused');

  const rows: Array<[string, { median: number; p99: number; max: number }]> = [
    ['certificate (RSA 2048, CA-issued, FTP)', await measure(() => checkCertificate(certInput))],
    ['certificate PEM (same)', await measure(() => checkCertificate({ ...certInput, bytes: new TextEncoder().encode(leaf.pem) }))],
    ['SSH public key (RSA 2048, OpenSSH)', await measure(() => checkSshPublicKey(ssh.openssh))],
  ];

  const fmt = (ms: number) => ms.toFixed(3).padStart(8);
  console.log(`rules benchmark — ${iterations} iterations after ${warmup} warm-up, node ${process.version}`);
  console.log(`${'check'.padEnd(42)}${'median ms'.padStart(10)}${'p99 ms'.padStart(10)}${'max ms'.padStart(10)}`);
  for (const [name, r] of rows) console.log(`${name.padEnd(42)}  ${fmt(r.median)}  ${fmt(r.p99)}  ${fmt(r.max)}`);

  const certMedian = rows[0]?.[1].median ?? Infinity;
  if (!(certMedian < CERT_MEDIAN_BUDGET_MS)) {
    console.error(`FAIL: certificate check median ${certMedian.toFixed(3)} ms ≥ ${CERT_MEDIAN_BUDGET_MS} ms`);
    return 1;
  }
  console.log(`OK: certificate check median ${certMedian.toFixed(3)} ms < ${CERT_MEDIAN_BUDGET_MS} ms`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 2;
  },
);
