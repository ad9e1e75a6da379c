import { appNow } from "@/lib/admin/clock";
import { getDbHandle } from "@/lib/db/client";
import { isDemoDatabase } from "@/lib/db/seed/demo";
import { dispatchAll } from "@/lib/notify/dispatcher";
import { runExpiryNotices } from "@/lib/notify/expiry";
import { adoptServerSettings } from "@/lib/notify/server-settings";
import { smtpTransport } from "@/lib/notify/transport";

const usage = "Usage: notify run [--now <ISO date> [--commit]]";

/**
 * `notify run [--now <date> [--commit]]`: the daily certificate-expiry job by hand (as if it were `now`),
 * then delivery of the outbox through SMTP_URL when set. Prints one JSON object; exit 0, or 2 on bad usage.
 * Safe next to running servers: every (certificate, threshold) is handled once (lib/notify/expiry.ts).
 * QA 11b-B: a `--now` run on a live database would spend real notices and mail real people for a date
 * that has not come, so it is a dry run (lists what it would send, writes nothing) unless the database is
 * the demo world or `--commit` is given.
 */
export async function runNotify(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "run") {
    console.error(usage);
    return 2;
  }
  let now: Date | undefined;
  let commit = false;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--now" && rest[i + 1] !== undefined) {
      now = new Date(rest[++i]!);
      if (Number.isNaN(now.getTime())) {
        console.error(`--now: not a date: ${rest[i]}`);
        return 2;
      }
    } else if (rest[i] === "--commit") {
      commit = true;
    } else {
      console.error(usage);
      return 2;
    }
  }
  const handle = await getDbHandle();
  const nowGiven = now !== undefined;
  // Without --now: the app's « now », i.e. the demonstration clock when a trainer moved it (issue 17).
  now ??= await appNow(handle.db);
  // QA 11b-A/C: links and delivery as the server is configured, not as this shell happens to be.
  for (const difference of await adoptServerSettings(handle.db)) console.error(`notify: using the server's configuration: ${difference}`);
  const dryRun = nowGiven && !commit && !(await isDemoDatabase(handle.db));
  if (dryRun) {
    const expiry = await runExpiryNotices(handle.db, now, { dryRun: true });
    console.error("notify: dry run (--now on a database that is not the demo's): nothing written nor sent; add --commit to do it");
    console.log(JSON.stringify({ database: handle.kind, now: now.toISOString(), dryRun: true, expiry }));
    return 0;
  }
  const expiry = await runExpiryNotices(handle.db, now);
  const transport = smtpTransport();
  const delivery = transport ? await dispatchAll(handle.db, transport, new Date()) : "no SMTP_URL: mails stay in the outbox";
  transport?.close();
  console.log(JSON.stringify({ database: handle.kind, now: now.toISOString(), expiry, delivery }));
  return 0;
}
