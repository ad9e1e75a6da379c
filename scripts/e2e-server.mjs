// Starts the production build for Playwright on a fresh database: a new PGlite folder, or the
// PostgreSQL database named by DATABASE_URL (which CI creates empty). E2E_DATA_DIR names another PGlite
// folder, for a second server started by a spec (e2e/sessions.spec.ts: a short idle timeout).
// The server's output is also written to E2E_SERVER_LOG (default .e2e-server.log; a second server
// appends to it), which the run's global teardown searches for secrets (issue 19, e2e/support/log-secrets.ts).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, rmSync } from "node:fs";

const dataDir = process.env.E2E_DATA_DIR ?? ".e2e-data";
if (!process.env.DATABASE_URL) rmSync(dataDir, { recursive: true, force: true });
const log = createWriteStream(process.env.E2E_SERVER_LOG ?? ".e2e-server.log", { flags: process.env.E2E_DATA_DIR ? "a" : "w" });
const child = spawn("npx", ["next", "start", "-p", process.env.E2E_PORT ?? "3100"], {
  stdio: ["inherit", "pipe", "pipe"],
  env: {
    ...process.env,
    CHAMAN_DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
    // The SFTP server of issue 15 runs in the app (e2e/transfers.spec.ts), 1000 ports above the web server:
    // the specs start further web servers on the next ports (sessions, session-config).
    CHAMAN_TRANSFER_SERVERS: "sftp",
    // E2E_SFTP_PORT: when that default is taken (parallel runs on one machine).
    CHAMAN_SFTP_PORT: process.env.E2E_SFTP_PORT ?? String(Number(process.env.E2E_PORT ?? "3100") + 1000),
  },
});
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  log.write(chunk);
});
child.stderr.on("data", (chunk) => {
  process.stderr.write(chunk);
  log.write(chunk);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => log.end(() => process.exit(code ?? 0)));
