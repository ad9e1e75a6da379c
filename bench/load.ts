// Turns a scenario of bench/scenarios.ts into concrete requests, checks them once, then loads the
// server with autocannon while sampling the server's memory (issue 7).
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";
import { actionHeaders, encodeActionArgs, findActionId, type EncodedBody } from "./server-action";
import type { Capture, Scenario, SetupContext } from "./scenarios";

export interface PreparedStep {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  expect: number;
  contains?: string;
  capture?: Capture;
  /** A new body for every request (Step.freshBody), made from the connection's values. */
  nextBody?: (connection: Record<string, string>) => Buffer;
  /** Step.distinct: the connection's own encoding (body with its content type), picked once per connection. */
  ownRequest?: (connection: Record<string, string>) => { body: Buffer; contentType: string };
}

/** What one load period measured; several periods (rounds) of the same target are merged by summarize(). */
export interface LoadSample {
  seconds: number;
  latencies: number[];
  connectionErrors: number;
  timeouts: number;
  unexpectedStatus: number;
  statusCodes: Record<string, number>;
  serverRssMb: number;
  serverCpuMs: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number };
  errors: { connection: number; timeouts: number; unexpectedStatus: number; check: string | null };
  statusCodes: Record<string, number>;
  serverRssMb: number;
  /** Server CPU time (all threads) per answered request: steadier than req/s on a machine shared with other work. */
  serverCpuMsPerRequest: number;
}

/** The Cookie header a browser would send after these Set-Cookie headers (a later cookie of the same name wins). */
export function cookieHeader(setCookies: string[], existing = ""): string {
  const jar = new Map<string, string>();
  for (const pair of [...existing.split("; "), ...setCookies.map((c) => c.split(";")[0] ?? "")]) {
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

const placeholder = /\{\{(\w+)\}\}/g;

/**
 * `{{conn}}` is set once per connection (8 hex characters, the same length as the placeholder, so a
 * filled multipart body keeps its size): each connection names what it creates after itself and finds
 * it again, so concurrent connections never act on each other's rows.
 */
function connectionValues(context: Record<string, string>): Record<string, string> {
  context.conn ??= randomBytes(4).toString("hex");
  return context;
}

/** A capture pattern may name `{{conn}}` or an earlier capture: it is filled, then compiled. */
function capturePattern(pattern: RegExp | string, values: Record<string, string>): RegExp {
  return typeof pattern === "string" ? new RegExp(fill(pattern, values)) : pattern;
}

function hasPlaceholder(text: string): boolean {
  return /\{\{\w+\}\}/.test(text);
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(placeholder, (whole, name: string) => values[name] ?? whole);
}

export async function prepare(scenario: Scenario, ctx: SetupContext & { projectDir: string; cookie: string }): Promise<PreparedStep[]> {
  const prepared: PreparedStep[] = [];
  for (const step of scenario.steps) {
    const path = typeof step.path === "function" ? step.path(ctx.fixtures) : step.path;
    const base: Record<string, string> = scenario.signedIn ? { cookie: ctx.cookie } : {};
    const common = { path, expect: step.expect, contains: step.contains?.(ctx.fixtures), capture: step.capture };
    if (step.method === "ACTION") {
      if (!step.action || !step.args) throw new Error(`${scenario.name}: an ACTION step needs action and args`);
      const id = findActionId(ctx.projectDir, step.action.file, step.action.export);
      const encodings: EncodedBody[] = [];
      for (let index = 0; index < (step.distinct ?? 1); index++) encodings.push(await encodeActionArgs(await step.args(ctx.fixtures, index)));
      const first = encodings[0]!;
      let handedOut = 0;
      const ownRequest = (connection: Record<string, string>) => {
        // Picked once per connection; never twice for one target (prepared once per target, for every round).
        connection.encoding ??= String(handedOut++);
        const encoded = encodings[Number(connection.encoding)];
        if (!encoded) throw new Error(`${scenario.name}: more than ${encodings.length} connections, raise \`distinct\``);
        return { body: Buffer.from(fill(encoded.body.toString("latin1"), connection), "latin1"), contentType: encoded.contentType };
      };
      prepared.push({ ...common, method: "POST", headers: { ...base, ...actionHeaders(id, ctx.origin, first) }, body: first.body, ...(step.distinct ? { ownRequest } : {}) });
    } else if (step.method === "POST" && step.freshBody) {
      const { headers, next } = await step.freshBody(ctx);
      prepared.push({ ...common, method: "POST", headers: { ...base, ...headers }, body: next({}), nextBody: next });
    } else if (step.method === "POST") {
      if (!step.request) throw new Error(`${scenario.name}: a POST step needs request()`);
      const { headers, body } = await step.request(ctx);
      const cookie = [base.cookie, headers.cookie].filter(Boolean).join("; ");
      prepared.push({ ...common, method: "POST", headers: { ...base, ...headers, ...(cookie ? { cookie } : {}) }, body });
    } else {
      prepared.push({ ...common, method: "GET", headers: { ...base, ...(step.headers ? await step.headers(ctx) : {}) } });
    }
  }
  return prepared;
}

/** Sends each step once and checks status, content and captures: a wrong set-up fails loudly, not as noise. */
export async function verify(origin: string, steps: PreparedStep[]): Promise<string | null> {
  const captured = connectionValues({});
  for (const step of steps) {
    const own = step.ownRequest?.(captured);
    const headers = own ? { ...step.headers, "content-type": own.contentType } : step.headers;
    const body = own ? Buffer.from(own.body) : step.nextBody ? Buffer.from(step.nextBody(captured)) : step.body ? Buffer.from(fill(step.body.toString("latin1"), captured), "latin1") : undefined;
    const response = await fetch(`${origin}${fill(step.path, captured)}`, { method: step.method, headers, body, redirect: "manual" });
    const text = await response.text();
    if (response.status !== step.expect) return `${step.method} ${step.path}: status ${response.status}, expected ${step.expect}`;
    if (step.contains && !text.includes(step.contains)) return `${step.method} ${step.path}: the answer lacks "${step.contains}"`;
    if (step.capture) {
      const pattern = capturePattern(step.capture.pattern, captured);
      const value = pattern.exec(text)?.[1];
      if (value === undefined) return `${step.method} ${step.path}: nothing matched ${String(pattern)}`;
      captured[step.capture.name] = value;
    }
  }
  return null;
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
export function processTreeRssMb(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // The process ended between two reads: it holds no memory any more.
    }
  };
  visit(pid);
  return Math.round(kb / 1024);
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time used so far by a process (user + system, all its threads), in ms. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function load(
  origin: string,
  steps: PreparedStep[],
  options: { seconds: number; connections: number; serverPid: number },
): Promise<LoadSample> {
  const latencies: number[] = [];
  let unexpectedStatus = 0;
  const needsFill = steps.some((s) => hasPlaceholder(s.path) || (s.body !== undefined && hasPlaceholder(s.body.toString("latin1"))));
  const requests = steps.map((step) => ({
    method: step.method,
    path: step.path,
    headers: step.headers,
    ...(step.body ? { body: step.body } : {}),
    ...(step.ownRequest
      ? {
          setupRequest: (request: Record<string, unknown> & { headers?: Record<string, string> }, context: Record<string, string>) => {
            const own = step.ownRequest!(connectionValues(context));
            return { ...request, path: fill(step.path, context), headers: { ...request.headers, "content-type": own.contentType }, body: own.body };
          },
        }
      : step.nextBody
      ? { setupRequest: (request: Record<string, unknown>, context: Record<string, string>) => ({ ...request, body: step.nextBody!(connectionValues(context)) }) }
      : needsFill
      ? {
          setupRequest: (request: Record<string, unknown>, context: Record<string, string>) => ({
            ...request,
            path: fill(step.path, connectionValues(context)),
            ...(step.body ? { body: Buffer.from(fill(step.body.toString("latin1"), context), "latin1") } : {}),
          }),
        }
      : {}),
    onResponse: (status: number, body: string, context: Record<string, string>) => {
      // A refused action still answers 200 (its state carries the error): the expected text tells.
      if (status !== step.expect || (step.contains !== undefined && !body.includes(step.contains))) unexpectedStatus++;
      if (step.capture) {
        const value = capturePattern(step.capture.pattern, connectionValues(context)).exec(body)?.[1];
        if (value !== undefined) context[step.capture.name] = value;
      }
    },
  }));
  let rssMax = processTreeRssMb(options.serverPid);
  const cpuBefore = processCpuMs(options.serverPid);
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, processTreeRssMb(options.serverPid));
  }, 200);
  try {
    const instance = autocannon({ url: origin, connections: options.connections, duration: options.seconds, requests, timeout: 10 });
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
    const result = await instance;
    const statusCodes: Record<string, number> = {};
    for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count;
    const serverCpuMs = processCpuMs(options.serverPid) - cpuBefore;
    return { seconds: options.seconds, latencies, connectionErrors: result.errors, timeouts: result.timeouts, unexpectedStatus, statusCodes, serverRssMb: rssMax, serverCpuMs };
  } finally {
    clearInterval(sampler);
  }
}

/** Merges the rounds of one target: throughput over the summed time, percentiles over all responses. */
export function summarize(samples: LoadSample[]): LoadResult {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, s) => sum + s.seconds, 0);
  const mean = latencies.reduce((sum, v) => sum + v, 0) / Math.max(latencies.length, 1);
  const statusCodes: Record<string, number> = {};
  for (const sample of samples) for (const [code, n] of Object.entries(sample.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const sum = (pick: (s: LoadSample) => number) => samples.reduce((total, s) => total + pick(s), 0);
  return {
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / Math.max(seconds, 1e-9), 1),
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), mean: round(mean) },
    errors: { connection: sum((s) => s.connectionErrors), timeouts: sum((s) => s.timeouts), unexpectedStatus: sum((s) => s.unexpectedStatus), check: null },
    statusCodes,
    serverRssMb: Math.max(0, ...samples.map((s) => s.serverRssMb)),
    serverCpuMsPerRequest: round(sum((s) => s.serverCpuMs) / Math.max(latencies.length, 1)),
  };
}

/** p95 of one load period (one round), for the paired full ÷ small ratios. */
export function sampleP95(sample: LoadSample): number {
  return percentile([...sample.latencies].sort((a, b) => a - b), 95);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
