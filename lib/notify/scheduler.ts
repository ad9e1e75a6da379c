import "server-only";
import { appNow } from "@/lib/admin/clock";
import { Cron } from "croner";
import type { Db } from "@/lib/db/client";
import { dispatchDue } from "./dispatcher";
import { runExpiryNotices } from "./expiry";
import { smtpTransport } from "./transport";

// Issue 16: the jobs each server process runs, with croner (a maintained cron scheduler, no extra
// process): the expiry check daily at 06:00 Belgian time and once at start (so a server that was down
// on a threshold's day catches up), and the outbox dispatcher every 10 seconds when SMTP_URL is set.
// `protect` skips a tick while the previous run is still going; running on several instances is safe
// (lib/notify/expiry.ts and dispatcher.ts explain why).

/** Daily at 06:00 Belgian time (croner pattern and time zone), before the working day. */
export const EXPIRY_SCHEDULE = { pattern: "0 6 * * *", timezone: "Europe/Brussels" } as const;
/** The dispatcher's poll: every 10 seconds (croner's six-field pattern, seconds first). */
export const DISPATCH_SCHEDULE = "*/10 * * * * *";

const holder = globalThis as unknown as { __chamanNotifyJobs?: Cron[] };

/** Starts the jobs once per process; CHAMAN_JOBS=off disables them (e.g. a read-only replica). */
export function startNotificationJobs(getDb: () => Promise<Db>): void {
  if (holder.__chamanNotifyJobs || process.env.CHAMAN_JOBS === "off") return;
  const transport = smtpTransport();
  const expiry = async () => {
    const db = await getDb();
    // Issue 17: the demonstration clock, when a trainer moved it, decides which notices are due.
    const result = await runExpiryNotices(db, await appNow(db));
    if (result.mailed > 0) console.info(`[chaman] expiry notices: ${JSON.stringify(result)}`);
  };
  const onError = (job: string) => (error: unknown) => console.error(`[chaman] ${job} job failed`, error);
  const jobs = [new Cron(EXPIRY_SCHEDULE.pattern, { timezone: EXPIRY_SCHEDULE.timezone, protect: true, catch: onError("expiry"), name: "chaman-expiry" }, expiry)];
  if (transport) {
    jobs.push(new Cron(DISPATCH_SCHEDULE, { protect: true, catch: onError("mail"), name: "chaman-mail" }, async () => {
      await dispatchDue(await getDb(), transport);
    }));
  }
  holder.__chamanNotifyJobs = jobs;
  // Catch-up at start, without delaying the server's readiness.
  void expiry().catch(onError("expiry"));
}
