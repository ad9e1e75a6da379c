// Child processes of the benchmark: the seed, the production server, the driver.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { openSync, readFileSync } from "node:fs";
import path from "node:path";

export const projectDir = path.resolve(import.meta.dirname, "..");
const tsx = ["--conditions=react-server", "--import", "tsx"];

/** Runs a TypeScript script of bench/ to its end; rejects with its output's tail when it fails. */
export function runScript(script: string, args: string[], options: { env?: NodeJS.ProcessEnv; capture?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...tsx, path.join(projectDir, "bench", script), ...args], {
      cwd: projectDir,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", options.capture ? "pipe" : "inherit", "inherit"],
    });
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`bench/${script} exited with ${code}`))));
  });
}

/** `next build`, output kept in a log (it is long) and shown when the build fails. */
export function build(logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = openSync(logFile, "w");
    const child = spawn(process.execPath, [path.join(projectDir, "node_modules/next/dist/bin/next"), "build"], {
      cwd: projectDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", log, log],
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) return resolve();
      reject(new Error(`next build failed (${code}):\n${readFileSync(logFile, "utf8").slice(-3000)}`));
    });
  });
}

export interface Server {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/** Node flags of the server, as scripts/demo.sh starts it (its heap cap), unless NODE_OPTIONS says otherwise. */
export const serverNodeOptions = process.env.NODE_OPTIONS || "--max-old-space-size=256";

/** `next start` on 127.0.0.1 with its own database, a random AUTH_SECRET; resolves once /api/health answers 200. */
export async function startServer(port: number, database: { url?: string; dataDir?: string }, logFile: string): Promise<Server> {
  const log = openSync(logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NODE_OPTIONS: serverNodeOptions,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DATABASE_URL: database.url ?? "",
    CHAMAN_DATA_DIR: database.dataDir ?? "",
  };
  const child: ChildProcess = spawn(process.execPath, [path.join(projectDir, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: projectDir,
    env,
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const server: Server = {
    origin,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.stop();
  throw new Error(`the server on port ${port} did not become healthy:\n${readFileSync(logFile, "utf8").slice(-3000)}`);
}
