import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// QA 18-2: a bad session setting stops the production server at start, with one line naming the
// variable and a non-zero exit, instead of a server that says Ready and answers 500 on every page.
// Runs this build's `next start` on a port of its own, with its own (empty) PGlite folder.

const port = Number(process.env.E2E_PORT ?? 3100) + 2;

/** Starts `next start` with `env`; resolves with its exit code and output, or "still running" after 60 s (then stops it). */
function start(env: Record<string, string>): Promise<{ code: number | string; output: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "chaman-session-config-"));
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, CHAMAN_DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "x".repeat(43), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      resolve({ code: "still running", output });
    }, 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code: code ?? "signal", output });
    });
  });
}

for (const [name, value, line] of [
  ["CHAMAN_SESSION_IDLE_MINUTES", "abc", 'CHAMAN_SESSION_IDLE_MINUTES must be a positive number (got "abc")'],
  ["CHAMAN_SESSION_MAX_HOURS", "0", 'CHAMAN_SESSION_MAX_HOURS must be a positive number (got "0")'],
] as const) {
  test(`${name}=${value}: the server refuses to start, naming the variable`, async () => {
    test.setTimeout(90_000);
    const { code, output } = await start({ [name]: value });
    expect(output).toContain(`[chaman] cannot start: ${line}`);
    expect(code).toBe(1);
    expect(output).not.toContain("database ready");
  });
}
