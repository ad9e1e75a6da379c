#!/usr/bin/env node
// `npm start` / `npm run demo`: runs `next start` with the given arguments, but never lets the output say
// « Ready » for a server that then refuses to start (issue 11 leftover). Next prints « ✓ Ready in … » as
// soon as its socket listens, before instrumentation.ts has checked the configuration and taken the
// database (another process may own the embedded folder): an operator read « Ready », then the refusal.
// So the « Ready » line is held back until instrumentation.ts prints STARTED_MARKER (everything started),
// and dropped if the server exits first. Every other line passes through as it comes. Signals are passed
// on; the exit status is the server's. No library does this: it is a filter on one line of one child.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

/** Printed by instrumentation.ts once the server has started everything it serves. */
const STARTED_MARKER = "[chaman] started";
const READY = /\bReady in\b/;

const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [next, "start", ...process.argv.slice(2)], { stdio: ["inherit", "pipe", "inherit"] });

let started = false;
const heldBack = [];
createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", (line) => {
  if (!started && READY.test(line)) {
    heldBack.push(line);
    return;
  }
  process.stdout.write(`${line}\n`);
  if (!started && line.includes(STARTED_MARKER)) {
    started = true;
    for (const held of heldBack.splice(0)) process.stdout.write(`${held}\n`);
  }
});

const forward = (signal) => child.kill(signal);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, forward);
// "close": the child has exited and its output has been read to the end.
child.on("close", (code, signal) => {
  // A server that stops before it started has said why on stderr; its held « Ready » is dropped.
  if (code === null && signal) {
    for (const name of ["SIGINT", "SIGTERM", "SIGHUP"]) process.off(name, forward);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
