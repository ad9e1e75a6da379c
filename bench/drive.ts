// The load generator, in its own process beside the servers (issue 7). It drives two servers of the same
// build — one on the 10-sender database, one on the full-scale one — and alternates between them in short
// rounds, so a neighbour's burst of CPU on a shared machine hits both alike and the full ÷ small ratios
// stay meaningful. For each scenario of bench/scenarios.ts: check once, warm up, then measure.
//
//   node --conditions=react-server --import tsx bench/drive.ts --targets targets.json --seconds 10 --out result.json
//   targets.json: [{ "scale": "small", "origin": "http://127.0.0.1:3301", "pid": 123, "fixtures": "…/fixtures.json" }, …]
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { cookieHeader, load, median, prepare, processTreeRssMb, round, sampleP95, summarize, verify, type LoadResult, type LoadSample, type PreparedStep } from "./load";
import type { Fixtures } from "./scale";
import { scenarios } from "./scenarios";

export interface Target {
  scale: string;
  origin: string;
  pid: number;
  fixtures: string;
}

export interface TargetResult {
  scenarios: Record<string, LoadResult & { label: string }>;
  idleRssMb: number;
}

export interface DriveResult {
  targets: Record<string, TargetResult>;
  /**
   * Per scenario: p95 of the last target ÷ p95 of the first, round by round (the two are measured back to
   * back), and their median — what the budget is checked against, robust to a neighbour's burst of work.
   */
  p95Ratios: Record<string, { median: number; rounds: number[] }>;
  homeFirstLoadJsKb: number;
  settings: { seconds: number; rounds: number; warmup: number; connections: number };
}

/** The persona's session cookie, from the same Auth.js credentials sign-in a browser performs. */
async function signIn(origin: string, fixtures: Fixtures): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf.headers.getSetCookie()) },
    body: new URLSearchParams({ csrfToken, username: fixtures.username, password: fixtures.password, callbackUrl: `${origin}/` }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in of ${fixtures.username} failed: status ${response.status}, ${response.headers.get("location")}`);
  return cookieHeader([session]);
}

/**
 * What a first visit to the page downloads as JavaScript: every <script src> of its HTML except the
 * `noModule` polyfills modern browsers skip, gzipped at level 9 — the figure `next build` used to print
 * as "First Load JS" (kB = 1,000 bytes).
 */
async function firstLoadJsKb(origin: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${origin}/`, { headers: { cookie } })).text();
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => (m[1] ?? "").replace(/&amp;/g, "&")))];
  let bytes = 0;
  for (const src of sources) {
    const script = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
    bytes += gzipSync(script, { level: 9 }).length;
  }
  return round(bytes / 1000, 1);
}

function failedCheck(label: string, problem: string, rss: number): LoadResult & { label: string } {
  return {
    label, requests: 0, requestsPerSecond: 0, latencyMs: { p50: 0, p95: 0, p99: 0, mean: 0 },
    errors: { connection: 0, timeouts: 0, unexpectedStatus: 0, check: problem }, statusCodes: {}, serverRssMb: rss, serverCpuMsPerRequest: 0,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      targets: { type: "string" },
      seconds: { type: "string", default: "10" },
      rounds: { type: "string", default: "5" },
      warmup: { type: "string", default: "3" },
      connections: { type: "string", default: "10" },
      out: { type: "string" },
      only: { type: "string" },
      "project-dir": { type: "string", default: process.cwd() },
    },
  });
  if (!values.targets || !values.out) throw new Error("usage: drive.ts --targets <file> --out <file> [--seconds n] [--rounds n] [--only a,b]");
  const targets = JSON.parse(readFileSync(values.targets, "utf8")) as Target[];
  const settings = { seconds: Number(values.seconds), rounds: Math.max(1, Number(values.rounds)), warmup: Number(values.warmup), connections: Number(values.connections) };
  const only = values.only ? new Set(values.only.split(",")) : null;
  const prepared = await Promise.all(
    targets.map(async (target) => {
      const fixtures = JSON.parse(readFileSync(target.fixtures, "utf8")) as Fixtures;
      return { target, fixtures, cookie: await signIn(target.origin, fixtures), idleRssMb: processTreeRssMb(target.pid) };
    }),
  );
  const last = prepared[prepared.length - 1];
  const result: DriveResult = { targets: {}, p95Ratios: {}, homeFirstLoadJsKb: last ? await firstLoadJsKb(last.target.origin, last.cookie) : 0, settings };
  for (const p of prepared) result.targets[p.target.scale] = { scenarios: {}, idleRssMb: p.idleRssMb };

  for (const scenario of scenarios.filter((s) => !only || only.has(s.name))) {
    const runs: Array<{ p: (typeof prepared)[number]; steps: PreparedStep[]; samples: LoadSample[] }> = [];
    for (const p of prepared) {
      const steps = await prepare(scenario, { origin: p.target.origin, fixtures: p.fixtures, projectDir: values["project-dir"], cookie: p.cookie });
      const problem = await verify(p.target.origin, steps);
      if (problem) {
        console.error(`[drive] ${p.target.scale} ${scenario.name}: ${problem}`);
        result.targets[p.target.scale]!.scenarios[scenario.name] = failedCheck(scenario.label, problem, processTreeRssMb(p.target.pid));
      } else {
        runs.push({ p, steps, samples: [] });
      }
    }
    const optionsOf = (p: (typeof prepared)[number], seconds: number) => ({ seconds, connections: settings.connections, serverPid: p.target.pid });
    // Warm-up (JIT, caches, connection pool), not counted.
    for (const run of runs) await load(run.p.target.origin, run.steps, optionsOf(run.p, settings.warmup));
    for (let r = 0; r < settings.rounds; r++) {
      const order = r % 2 === 0 ? runs : [...runs].reverse();
      for (const run of order) run.samples.push(await load(run.p.target.origin, run.steps, optionsOf(run.p, settings.seconds / settings.rounds)));
    }
    const [first, second] = runs;
    if (runs.length === 2 && first && second) {
      const rounds = first.samples.map((sample, r) => round(sampleP95(second.samples[r]!) / Math.max(sampleP95(sample), 1e-9)));
      result.p95Ratios[scenario.name] = { median: round(median(rounds)), rounds };
    }
    for (const run of runs) {
      const measured = summarize(run.samples);
      result.targets[run.p.target.scale]!.scenarios[scenario.name] = { label: scenario.label, ...measured };
      const errors = measured.errors.connection + measured.errors.timeouts + measured.errors.unexpectedStatus;
      console.error(
        `[drive] ${run.p.target.scale.padEnd(5)} ${scenario.name.padEnd(12)} ${String(measured.requestsPerSecond).padStart(7)} req/s  p50 ${measured.latencyMs.p50} ms  p95 ${measured.latencyMs.p95} ms  p99 ${measured.latencyMs.p99} ms  cpu ${measured.serverCpuMsPerRequest} ms/req  errors ${errors}  rss ${measured.serverRssMb} MB`,
      );
    }
  }
  writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error("[drive] failed:", error);
  process.exit(1);
});
