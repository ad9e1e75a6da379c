// `chaman check assertion <jwt|->` — the assertion checker of « Tester l'accès » (issue 14) on the command line;
// `chaman oauth rotate-key` — a new access-token signing key (the old one stays published until its tokens expire).
import { readFileSync } from "node:fs";
import { getDb } from "@/lib/db/client";
import { checkAssertionReadOnly } from "@/lib/oauth/checker";
import { oauthUrls } from "@/lib/oauth/config";
import { rotateSigningKey } from "@/lib/oauth/signing-keys";

/**
 * Prints one JSON object: {"ok":true|false,"clientId":…,"lines":[{"rule","status":"ok"|"failed"|"skipped",
 * "reason"?,"description"?}]}. Exit 0 when every rule holds, 1 when one fails, 2 on usage errors.
 * `-` reads the assertion from stdin (keeps it out of `ps` and the shell history). Never spends the jti.
 */
export async function runCheckAssertion(args: string[], write: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  const [source] = args;
  if (!source || args.length !== 1) {
    write(`${JSON.stringify({ ok: false, code: "usage", message: "check assertion <jwt|->" })}\n`);
    return 2;
  }
  // stdin ends with the newline `echo` adds: that one is the shell's, not the client's; anything else around the
  // JWT is reported (assertion.whitespace), as the token endpoint would.
  const assertion = source === "-" ? readFileSync(0, "utf8").replace(/\r?\n$/, "") : source;
  const report = await checkAssertionReadOnly(await getDb(), oauthUrls(), assertion);
  write(`${JSON.stringify(report)}\n`);
  return report.ok ? 0 : 1;
}

export async function runOauth(args: string[]): Promise<number> {
  if (args[0] !== "rotate-key" || args.length !== 1) {
    console.error("Usage: oauth rotate-key");
    return 2;
  }
  const rotated = await rotateSigningKey(await getDb());
  console.log(JSON.stringify({ ok: true, kid: rotated.kid, retired: rotated.retired }));
  return 0;
}
