// Runs once when the server starts: migrate the database and write the demo data if it is empty.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDbHandle } = await import("@/lib/db/client");
  const { seedIfEmpty } = await import("@/lib/db/seed/demo");
  const handle = await getDbHandle();
  const outcome = await seedIfEmpty(handle.db);
  console.info(`[chaman] database ready (${handle.kind}); demo data: ${outcome}`);
  // Issue 16: daily certificate-expiry notices and the mail outbox dispatcher (lib/notify/scheduler.ts).
  const { startNotificationJobs } = await import("@/lib/notify/scheduler");
  startNotificationJobs(async () => (await getDbHandle()).db);
}
