import "server-only";
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

const holder = globalThis as unknown as { __chamanNotifyJobs?: Cron[] };

/** Starts the jobs once per process; CHAMAN_JOBS=off disables them (e.g. a read-only replica). */
export function startNotificationJobs(getDb: () => Promise<Db>): void {
  if (holder.__chamanNotifyJobs || process.env.CHAMAN_JOBS === "off") return;
  const transport = smtpTransport();
  const expiry = async () => {
    const result = await runExpiryNotices(await getDb(), new Date());
    if (result.mailed > 0) console.info(`[chaman] expiry notices: ${JSON.stringify(result)}`);
  };
  const onError = (job: string) => (error: unknown) => console.error(`[chaman] ${job} job failed`, error);
  const jobs = [new Cron("0 6 * * *", { timezone: "Europe/Brussels", protect: true, catch: onError("expiry"), name: "chaman-expiry" }, expiry)];
  if (transport) {
    jobs.push(new Cron("*/10 * * * * *", { protect: true, catch: onError("mail"), name: "chaman-mail" }, async () => {
      await dispatchDue(await getDb(), transport);
    }));
  }
  holder.__chamanNotifyJobs = jobs;
  // Catch-up at start, without delaying the server's readiness.
  void expiry().catch(onError("expiry"));
}
