// `npm run bench` (issue 7): builds the app, seeds a 10-sender database and a full-scale one, serves each
// with the production server and drives both from a second process; on PGlite, and on PostgreSQL when
// DATABASE_URL names a server (fresh databases chaman_bench_* are created there). Prints the table with
// every ratio and budget, writes bench/results.json and refreshes docs/PERFORMANCE.md.
//
//   npm run bench                      full scale (20,000 enterprises), 10 s per scenario and scale
//   npm run bench -- --quick           2,000 enterprises, 5 s per scenario (CI)
//   options: --db pglite,postgres  --no-build  --seconds n  --strict (exit 1 when a budget fails)
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import type { DriveResult, Target } from "./drive";
import { build, projectDir, runScript, startServer, type Server } from "./processes";
import { budgetTable, mergeResults, refreshDoc, renderMarkdown, runTable, type DatabaseRun } from "./report";
import type { RulesResult } from "./rules";
import type { Fixtures, ScaleName } from "./scale";

const dataRoot = path.join(projectDir, "bench/.data");
const resultsPath = path.join(projectDir, "bench/results.json");
const docPath = path.join(projectDir, "docs/PERFORMANCE.md");
const PORTS = { small: 3301, big: 3302 };

function elapsed(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(0)} s`;
}

/** A fresh PostgreSQL database on the server of `baseUrl`, dropped first if a previous run left it. */
async function freshPostgresDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function benchDatabase(
  database: "pglite" | "postgres",
  mode: "quick" | "full",
  settings: { seconds: number; rounds: number; warmup: number },
): Promise<DatabaseRun> {
  const scales: ScaleName[] = ["small", mode];
  const seedSeconds: Record<string, number> = {};
  const counts: Record<string, Record<string, number>> = {};
  const places: Record<string, { url?: string; dataDir?: string; fixtures: string; log: string }> = {};
  for (const scale of scales) {
    const dir = path.join(dataRoot, `${database}-${scale}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const fixtures = path.join(dir, "fixtures.json");
    const url = database === "postgres" ? await freshPostgresDatabase(process.env.DATABASE_URL ?? "", `chaman_bench_${scale}`) : undefined;
    const started = performance.now();
    // The server's PGlite folder is $CHAMAN_DATA_DIR/pglite (lib/db/client.ts).
    await runScript("seed-scale.ts", ["--scale", scale, "--fixtures", fixtures, ...(url ? ["--url", url] : ["--pglite", path.join(dir, "pglite")])]);
    console.log(`[bench] ${database} ${scale}: seeded in ${elapsed(started)}`);
    const seeded = (await import(fixtures, { with: { type: "json" } })) as { default: Fixtures };
    seedSeconds[scale] = seeded.default.seedSeconds;
    counts[scale] = seeded.default.counts;
    places[scale] = { url, dataDir: url ? undefined : dir, fixtures, log: path.join(dir, "server.log") };
  }
  const servers: Server[] = [];
  try {
    const targets: Target[] = [];
    for (const scale of scales) {
      const place = places[scale]!;
      const server = await startServer(scale === "small" ? PORTS.small : PORTS.big, place, place.log);
      servers.push(server);
      targets.push({ scale, origin: server.origin, pid: server.pid, fixtures: place.fixtures });
    }
    const targetsFile = path.join(dataRoot, `${database}-targets.json`);
    const outFile = path.join(dataRoot, `${database}-drive.json`);
    writeFileSync(targetsFile, JSON.stringify(targets, null, 2));
    await runScript("drive.ts", ["--targets", targetsFile, "--out", outFile, "--seconds", String(settings.seconds), "--rounds", String(settings.rounds), "--warmup", String(settings.warmup)]);
    const drive = (await import(outFile, { with: { type: "json" } })) as { default: DriveResult };
    return { database, mode, at: new Date().toISOString(), seedSeconds, counts, drive: drive.default };
  } finally {
    for (const server of servers) await server.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      db: { type: "string" },
      "no-build": { type: "boolean", default: false },
      seconds: { type: "string" },
      strict: { type: "boolean", default: false },
    },
  });
  const mode = values.quick ? "quick" : "full";
  const databases = (values.db ?? (process.env.DATABASE_URL ? "pglite,postgres" : "pglite")).split(",") as Array<"pglite" | "postgres">;
  if (databases.includes("postgres") && !process.env.DATABASE_URL) throw new Error("--db postgres needs DATABASE_URL (a PostgreSQL server where databases may be created)");
  // Each scale is measured in 5 short rounds, alternating with the other scale (see bench/drive.ts).
  const settings = { seconds: Number(values.seconds ?? (values.quick ? 5 : 10)), rounds: 5, warmup: values.quick ? 2 : 3 };
  const started = performance.now();
  mkdirSync(dataRoot, { recursive: true });

  if (!values["no-build"]) {
    console.log("[bench] next build …");
    await build(path.join(dataRoot, "build.log"));
    console.log(`[bench] built in ${elapsed(started)}`);
  }
  const rules = JSON.parse(await runScript("rules.ts", [], { capture: true })) as RulesResult;
  console.log(`[bench] certificate check: median ${rules.medianMs} ms, p95 ${rules.p95Ms} ms`);

  const runs: DatabaseRun[] = [];
  for (const database of databases) {
    runs.push(await benchDatabase(database, mode, settings));
    console.log(`[bench] ${database} done at ${elapsed(started)}`);
  }
  const results = mergeResults(resultsPath, runs, rules, { cpus: os.cpus().length, node: process.version });
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  refreshDoc(docPath, renderMarkdown(results));
  for (const run of results.runs) console.log(`\n${runTable(run)}`);
  console.log(`\n${budgetTable(results.budgets)}\n`);
  const failed = results.budgets.filter((b) => !b.holds);
  console.log(failed.length === 0 ? `[bench] every budget holds (${elapsed(started)})` : `[bench] ${failed.length} budget(s) failed (${elapsed(started)})`);
  if (values.strict && failed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error("[bench] failed:", error);
  process.exit(1);
});
