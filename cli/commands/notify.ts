import { appNow } from "@/lib/admin/clock";
import { getDbHandle } from "@/lib/db/client";
import { dispatchAll } from "@/lib/notify/dispatcher";
import { runExpiryNotices } from "@/lib/notify/expiry";
import { smtpTransport } from "@/lib/notify/transport";

const usage = "Usage: notify run [--now <ISO date>]";

/**
 * `notify run [--now <date>]`: the daily certificate-expiry job by hand (as if it were `now`), then
 * delivery of the outbox through SMTP_URL when set. Prints one JSON object; exit 0, or 2 on bad usage.
 * Safe next to running servers: every (certificate, threshold) is handled once (lib/notify/expiry.ts).
 */
export async function runNotify(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "run") {
    console.error(usage);
    return 2;
  }
  let now: Date | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--now" && rest[i + 1] !== undefined) {
      now = new Date(rest[++i]!);
      if (Number.isNaN(now.getTime())) {
        console.error(`--now: not a date: ${rest[i]}`);
        return 2;
      }
    } else {
      console.error(usage);
      return 2;
    }
  }
  const handle = await getDbHandle();
  // Without --now: the app's « now », i.e. the demonstration clock when a trainer moved it (issue 17).
  now ??= await appNow(handle.db);
  const expiry = await runExpiryNotices(handle.db, now);
  const transport = smtpTransport();
  const delivery = transport ? await dispatchAll(handle.db, transport, new Date()) : "no SMTP_URL: mails stay in the outbox";
  transport?.close();
  console.log(JSON.stringify({ database: handle.kind, now: now.toISOString(), expiry, delivery }));
  return 0;
}
