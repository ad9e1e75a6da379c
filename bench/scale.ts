import type { OauthFixtures } from "./oauth-scenarios";

// Data-set sizes of the benchmark (issue 7). Every size keeps the same shape per enterprise
// (3 accounts, 5 certificates, 25 audit events), so "full ÷ small" compares the same pages with
// only the total amount of data changed: a page whose query grows with the total shows it.

export type ScaleName = "small" | "quick" | "full";

export interface Scale {
  name: ScaleName;
  /** Synthetic enterprises, added to the 3 of the demo world. */
  enterprises: number;
  /** Every n-th synthetic enterprise also has a second quality (hence a second sender); 0 = none. */
  secondQualityEvery: number;
  accounts: number;
  certificates: number;
  auditEvents: number;
}

export const scales: Record<ScaleName, Scale> = {
  // The 3 demo senders + 7 synthetic ones: the "10-sender database" the ratios are taken against.
  small: { name: "small", enterprises: 7, secondQualityEvery: 0, accounts: 21, certificates: 35, auditEvents: 175 },
  // `npm run bench -- --quick` (CI): a tenth of the full size.
  quick: { name: "quick", enterprises: 2_000, secondQualityEvery: 5, accounts: 6_000, certificates: 10_000, auditEvents: 50_000 },
  // The regional deployment of the issue: 20,000 enterprises, 60,000 accounts, 100,000 certificates, 500,000 events.
  full: { name: "full", enterprises: 20_000, secondQualityEvery: 5, accounts: 60_000, certificates: 100_000, auditEvents: 500_000 },
};

export function isScaleName(value: string): value is ScaleName {
  return value === "small" || value === "quick" || value === "full";
}

/** Ids the driver needs to build requests; written by the seed, read by the driver (the server holds the DB). */
export interface Fixtures {
  scale: ScaleName;
  /** The persona the signed-in pages are measured with: the same data at every scale. */
  username: string;
  password: string;
  userId: string;
  senderId: string;
  senderNumber: string;
  restAccountId: string;
  ftpAccountId: string;
  restCertificateId: string;
  counts: Record<string, number>;
  seedSeconds: number;
  /** Issue 14: REST accounts that get tokens (bench/oauth.ts). */
  oauth?: OauthFixtures;
}
