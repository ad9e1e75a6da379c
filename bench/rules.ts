// Median time of one certificate check (SPEC §4.4, all seven steps), for the "≤ 5 ms" budget of issue 7.
// Two realistic uploads: a CA-issued RSA 2048 certificate for FTP (signature verified against the trust
// store) and a self-signed RSA 3072 one for REST. Prints one JSON object.
import { createCertificate } from "@/lib/pki/generate";
import { checkCertificate, type TrustedCa } from "@/lib/rules/certificate";

export interface RulesResult {
  iterations: number;
  medianMs: number;
  p95Ms: number;
}

async function main(): Promise<void> {
  const iterations = Number(process.argv[2] ?? 400);
  const ca = await createCertificate({ subject: { cn: "Bench eID CA", c: "BE" }, isCa: true });
  const trustStore: TrustedCa[] = [{ family: "eid", der: ca.der, label: "Bench eID CA" }];
  const ftp = await createCertificate({ subject: { cn: "Jean Dupont", o: "Bench", c: "BE" }, issuer: ca });
  const rest = await createCertificate({ subject: { cn: "bench-rest" }, key: { kind: "RSA", bits: 3072 }, keyUsage: ["digitalSignature"] });
  const cases = [
    { fileName: "ftp.cer", bytes: ftp.der, channel: "FTP" as const },
    { fileName: "rest.cer", bytes: rest.der, channel: "REST" as const },
  ];
  const times: number[] = [];
  for (let i = 0; i < iterations + 50; i++) {
    const input = cases[i % cases.length]!;
    const started = performance.now();
    const result = await checkCertificate({ ...input, trustStore, now: new Date() });
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(`bench certificate refused: ${result.code}`);
    if (i >= 50) times.push(elapsed); // the first 50 warm the JIT up
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? 0;
  const result: RulesResult = { iterations, medianMs: Math.round(at(0.5) * 1000) / 1000, p95Ms: Math.round(at(0.95) * 1000) / 1000 };
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error("[rules] failed:", error);
  process.exit(1);
});
