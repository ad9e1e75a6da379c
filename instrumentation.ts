// Runs once when the server starts: migrate the database and write the demo data if it is empty.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A bad setting stops the server here, with one line naming the variable and exit status 1, instead
  // of a server that answers /api/health but fails every page (QA 18-2).
  const { sessionPolicyProblem } = await import("@/lib/auth/session-policy");
  const problem = sessionPolicyProblem(process.env);
  if (problem) {
    console.error(`[chaman] cannot start: ${problem}`);
    process.exit(1);
  }
  const { getDbHandle } = await import("@/lib/db/client");
  const { seedIfEmpty } = await import("@/lib/db/seed/demo");
  const handle = await getDbHandle();
  const outcome = await seedIfEmpty(handle.db);
  console.info(`[chaman] database ready (${handle.kind}); demo data: ${outcome}`);
  // Issue 16: daily certificate-expiry notices and the mail outbox dispatcher (lib/notify/scheduler.ts).
  const { startNotificationJobs } = await import("@/lib/notify/scheduler");
  startNotificationJobs(async () => (await getDbHandle()).db);
}
