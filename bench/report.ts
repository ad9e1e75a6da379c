// Budgets, ratios and the results table of issue 7: bench/results.json and the table in docs/PERFORMANCE.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { DriveResult } from "./drive";
import { round, type LoadResult } from "./load";
import type { RulesResult } from "./rules";
import { scenarios } from "./scenarios";

export const budgets = {
  p95Ratio: 1.3,
  homeVsHealth: 0.4,
  /** Issue 14: token endpoint throughput at least 30% of /api/health's. */
  tokenVsHealth: 0.3,
  rssMb: 400,
  firstLoadJsKb: 150,
  certificateCheckMs: 5,
  seedSeconds: 120,
} as const;

export interface DatabaseRun {
  database: "pglite" | "postgres";
  mode: "quick" | "full";
  at: string;
  seedSeconds: Record<string, number>;
  counts: Record<string, Record<string, number>>;
  drive: DriveResult;
}

export interface BudgetCheck {
  database: string;
  budget: string;
  value: string;
  limit: string;
  holds: boolean;
}

export interface Results {
  generatedAt: string;
  machine: { cpus: number; node: string };
  rules: RulesResult | null;
  runs: DatabaseRun[];
  budgets: BudgetCheck[];
}

const errorsOf = (r: LoadResult) => r.errors.connection + r.errors.timeouts + r.errors.unexpectedStatus + (r.errors.check ? 1 : 0);

export function checkBudgets(run: DatabaseRun, rules: RulesResult | null): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const add = (budget: string, value: number, limit: string, holds: boolean, unit = "") =>
    checks.push({ database: run.database, budget, value: `${value}${unit}`, limit, holds });
  const small = run.drive.targets.small?.scenarios ?? {};
  const big = run.drive.targets[run.mode]?.scenarios ?? {};
  const floor = scenarios.find((s) => s.floor)?.name ?? "health";
  for (const scenario of scenarios.filter((s) => !s.floor)) {
    const a = small[scenario.name];
    const b = big[scenario.name];
    if (!a || !b) continue;
    const ratio = run.drive.p95Ratios[scenario.name]?.median ?? Number.NaN;
    add(`${scenario.label}: p95 ${run.mode} ÷ small`, ratio, `≤ ${budgets.p95Ratio}`, ratio <= budgets.p95Ratio);
  }
  const home = big.home;
  const health = big[floor];
  if (home && health) {
    const share = round(home.requestsPerSecond / Math.max(health.requestsPerSecond, 1e-9));
    add("Home page throughput ÷ /api/health", share, `≥ ${budgets.homeVsHealth}`, share >= budgets.homeVsHealth);
  }
  const token = big["oauth-token"];
  if (token && health) {
    const share = round(token.requestsPerSecond / Math.max(health.requestsPerSecond, 1e-9));
    add("OAuth token throughput ÷ /api/health", share, `≥ ${budgets.tokenVsHealth}`, share >= budgets.tokenVsHealth);
  }
  const allResults = Object.values(run.drive.targets).flatMap((t) => Object.values(t.scenarios));
  const errors = allResults.reduce((sum, r) => sum + errorsOf(r), 0);
  add("Errors (all scenarios, both scales)", errors, "0", errors === 0);
  const rss = Math.max(0, ...allResults.map((r) => r.serverRssMb));
  add("Server RSS under load", rss, `≤ ${budgets.rssMb} MB`, rss <= budgets.rssMb, " MB");
  add("Home page first-load JS (gzip)", run.drive.homeFirstLoadJsKb, `≤ ${budgets.firstLoadJsKb} kB`, run.drive.homeFirstLoadJsKb <= budgets.firstLoadJsKb, " kB");
  const seed = run.seedSeconds[run.mode] ?? 0;
  if (run.database === "pglite" && run.mode === "full") add("Seeding the full scale", round(seed, 1), `≤ ${budgets.seedSeconds} s`, seed <= budgets.seedSeconds, " s");
  if (rules) add("Certificate check median", rules.medianMs, `≤ ${budgets.certificateCheckMs} ms`, rules.medianMs <= budgets.certificateCheckMs, " ms");
  return checks;
}

/** The table of one database run: every scenario at both scales with the two ratios. */
export function runTable(run: DatabaseRun): string {
  const small = run.drive.targets.small?.scenarios ?? {};
  const big = run.drive.targets[run.mode]?.scenarios ?? {};
  const floor = scenarios.find((s) => s.floor)?.name ?? "health";
  const lines = [
    `| ${run.database} (${run.mode}) | req/s small | req/s ${run.mode} | ÷ health (${run.mode}) | CPU ms/req | p50 ms | p95 ms small | p95 ms ${run.mode} | p95 ${run.mode} ÷ small | CPU ${run.mode} ÷ small | p99 ms | errors | RSS MB |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const scenario of scenarios) {
    const a = small[scenario.name];
    const b = big[scenario.name];
    if (!a || !b) continue;
    const share = scenario.floor ? "1" : String(round(b.requestsPerSecond / Math.max(big[floor]?.requestsPerSecond ?? 0, 1e-9)));
    const ratio = String(run.drive.p95Ratios[scenario.name]?.median ?? "–");
    const cpuRatio = a.serverCpuMsPerRequest > 0 ? String(round(b.serverCpuMsPerRequest / a.serverCpuMsPerRequest)) : "–";
    lines.push(
      `| ${scenario.label} | ${a.requestsPerSecond} | ${b.requestsPerSecond} | ${share} | ${b.serverCpuMsPerRequest} | ${b.latencyMs.p50} | ${a.latencyMs.p95} | ${b.latencyMs.p95} | ${ratio} | ${cpuRatio} | ${b.latencyMs.p99} | ${errorsOf(a) + errorsOf(b)} | ${Math.max(a.serverRssMb, b.serverRssMb)} |`,
    );
  }
  return lines.join("\n");
}

export function budgetTable(checks: BudgetCheck[]): string {
  const lines = ["| database | budget | measured | limit | holds |", "| --- | --- | ---: | ---: | :---: |"];
  for (const c of checks) lines.push(`| ${c.database} | ${c.budget} | ${c.value} | ${c.limit} | ${c.holds ? "yes" : "**NO**"} |`);
  return lines.join("\n");
}

/** Keeps the previous run of a database this run did not cover (e.g. PostgreSQL when DATABASE_URL was unset). */
export function mergeResults(path: string, fresh: DatabaseRun[], rules: RulesResult | null, machine: Results["machine"]): Results {
  const previous = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Results) : null;
  const kept = (previous?.runs ?? []).filter((old) => !fresh.some((run) => run.database === old.database) && fresh.every((run) => run.mode === old.mode));
  const runs = [...kept, ...fresh].sort((a, b) => a.database.localeCompare(b.database));
  const effectiveRules = rules ?? previous?.rules ?? null;
  return { generatedAt: new Date().toISOString(), machine, rules: effectiveRules, runs, budgets: runs.flatMap((run) => checkBudgets(run, effectiveRules)) };
}

export function renderMarkdown(results: Results): string {
  const parts = [`Measured ${results.generatedAt.slice(0, 16).replace("T", " ")} UTC on ${results.machine.cpus} cores, Node ${results.machine.node}.`];
  for (const run of results.runs) {
    const seeds = Object.entries(run.seedSeconds).map(([scale, s]) => `${scale} ${round(s, 1)} s`).join(", ");
    parts.push(`${runTable(run)}\n\nSeeding: ${seeds}. First-load JS of the home page: ${run.drive.homeFirstLoadJsKb} kB.`);
  }
  parts.push(budgetTable(results.budgets));
  return parts.join("\n\n");
}

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

/** Replaces the generated part of docs/PERFORMANCE.md, between its two markers. */
export function refreshDoc(docPath: string, markdown: string): void {
  const doc = readFileSync(docPath, "utf8");
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${docPath} lacks the ${START} … ${END} markers`);
  writeFileSync(docPath, `${doc.slice(0, start + START.length)}\n${markdown}\n${doc.slice(end)}`);
}
