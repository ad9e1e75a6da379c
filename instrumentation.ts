// Runs once when the server starts: stamp requests with their socket's address (issue 19), check the
// configuration, take the database (as the embedded
// database's one owner, or PostgreSQL), migrate it and write the demo data if it is empty, then start
// the scheduled jobs. Anything that keeps the server from working safely stops it here with ONE line
// naming what to set and exit status 1, instead of a server that answers /api/health but fails every
// page or sign-in (QA 18-2, issue 11).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startupProblem } = await import("@/lib/config/startup");
  const { sessionPolicyProblem } = await import("@/lib/auth/session-policy");
  const problems = [startupProblem(process.env), sessionPolicyProblem(process.env)].filter(Boolean);
  if (problems.length) stop(problems.join("; "));
  // Before any request is served, so each knows its socket's address (lib/security/peer-address.ts).
  const { installPeerAddressStamp } = await import("@/lib/security/peer-address");
  try {
    installPeerAddressStamp();
  } catch (error) {
    stop(error instanceof Error ? error.message : String(error));
  }
  const { getDbHandle, setDbProcessKind } = await import("@/lib/db/client");
  const { seedIfEmpty } = await import("@/lib/db/seed/demo");
  setDbProcessKind("server");
  try {
    const handle = await getDbHandle();
    const outcome = await seedIfEmpty(handle.db);
    // QA 11b-A/C: `chaman notify run` renders links and marks mails as this server would.
    const { recordServerSettings } = await import("@/lib/notify/server-settings");
    await recordServerSettings(handle.db);
    console.info(`[chaman] database ready (${handle.kind}, ${handle.access}); demo data: ${outcome}`);
  } catch (error) {
    stop(error instanceof Error ? error.message : String(error));
  }
  // Issue 16: daily certificate-expiry notices and the mail outbox dispatcher (lib/notify/scheduler.ts).
  const { startNotificationJobs } = await import("@/lib/notify/scheduler");
  startNotificationJobs(async () => (await getDbHandle()).db);
  // The batch servers (issue 15) run beside the web server when asked (`npm run demo` does), sharing its
  // database handle: with the embedded database only one process may open it.
  const servers = process.env.CHAMAN_TRANSFER_SERVERS;
  if (servers && servers !== "off") {
    const { parseServerKinds, startTransferServers } = await import("@/lib/transfer/servers");
    const kinds = parseServerKinds(servers);
    if (!kinds) throw new Error(`CHAMAN_TRANSFER_SERVERS: expected sftp, ftp, all or off, got ${servers}`);
    await startTransferServers(kinds);
  }
  // scripts/start.mjs shows Next's « Ready » line only after this one: never for a server that refuses.
  console.info("[chaman] started");
}

function stop(reason: string): never {
  console.error(`[chaman] cannot start: ${reason}`);
  process.exit(1);
}
