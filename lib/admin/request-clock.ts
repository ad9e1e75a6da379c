import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { movedNow, readDemoClock } from "./clock";

// The banner of the app shell, the home page, its « À faire » panel and an account's page each need the
// demonstration clock; read separately that was up to four statements per page (docs/PERFORMANCE.md).

/**
 * The demonstration clock as stored (issue 17), read at most once per server request: React's `cache`
 * lives for one render, so a trainer's change shows from the next request on, on every app instance.
 * Outside a render (scripts, tests) each call reads the database. For display and page-level checks
 * only: a write that depends on the date reads it in its own transaction (`appNow(tx)`).
 */
export const requestDemoClock = cache(async (): Promise<{ demoDate: Date; setAt: Date } | null> => readDemoClock(await getDb()));

/** appNow() for rendering: the real time, or the demonstration clock's reading, from requestDemoClock(). */
export async function requestNow(): Promise<Date> {
  return movedNow(await requestDemoClock());
}
