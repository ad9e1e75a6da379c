// Issue 19: the server log of a whole e2e run must hold no secret. Before the fix, a NUL in a form
// made PostgreSQL fail and Next.js log Drizzle's error with every parameter, an FTP password's argon2
// hash included. Run as Playwright's global teardown (playwright.config.ts), so CI fails when found.
import { existsSync, readFileSync } from "node:fs";

/**
 * What must never be logged: password hashes, private keys, and the FTP passwords the specs and the
 * fuzzer submit (e2e/channels-*.spec.ts, e2e/support/fuzz.ts, e2e/isolation-matrix.spec.ts).
 */
export const secretsNeverLogged = ["$argon2", "PRIVATE KEY-----", "Secret#12", "pain#2024", "N3w!pass", "pir@te12"];

/** Each secret found in `log`, with the line it was found on (cut to 200 characters). */
export function secretsIn(log: string, secrets: readonly string[] = secretsNeverLogged): Array<{ secret: string; line: string }> {
  const found: Array<{ secret: string; line: string }> = [];
  for (const line of log.split("\n")) {
    for (const secret of secrets) if (line.includes(secret)) found.push({ secret, line: line.slice(0, 200) });
  }
  return found;
}

export default function checkServerLog(): void {
  const file = process.env.E2E_SERVER_LOG ?? ".e2e-server.log";
  if (!existsSync(file)) throw new Error(`server log ${file} not found: scripts/e2e-server.mjs writes it`);
  const log = readFileSync(file, "utf8");
  const found = secretsIn(log);
  if (found.length > 0) {
    throw new Error(`the server log of this e2e run holds secrets (issue 19):\n${found.slice(0, 10).map((f) => `${f.secret}: ${f.line}`).join("\n")}`);
  }
  console.log(`server log checked: ${log.split("\n").length} lines, no secret`);
}
