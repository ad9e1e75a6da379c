import "server-only";
import { eq } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import type { Db, Queryable } from "@/lib/db/client";
import { demoClock } from "@/lib/db/schema";
import { adminAudit, type AdminActor } from "./admins";

/**
 * The demonstration clock as stored (issue 17, « Date de démonstration »), or null when the app runs
 * on the real date. `demoDate` is the moment the trainer chose; `setAt` when it was chosen.
 */
export async function readDemoClock(q: Queryable): Promise<{ demoDate: Date; setAt: Date } | null> {
  const [row] = await q.select({ demoDate: demoClock.demoDate, setAt: demoClock.setAt }).from(demoClock).limit(1);
  return row ?? null;
}

/** The clock's reading at `real`: the chosen date plus the time elapsed since it was chosen. */
export function movedNow(clock: { demoDate: Date; setAt: Date } | null, real: Date = new Date()): Date {
  if (!clock) return real;
  return new Date(clock.demoDate.getTime() + Math.max(0, real.getTime() - clock.setAt.getTime()));
}

/**
 * The app's notion of « now » for certificate validity, expiry badges and notices: the real time,
 * or the demonstration clock when a trainer moved it. One read of a one-row table.
 */
export async function appNow(q: Queryable): Promise<Date> {
  return movedNow(await readDemoClock(q));
}

/**
 * Moves the demonstration clock to `date` (null puts it back on the real date). Only for demo data:
 * the caller checks that the demo is enabled. Journaled as admin.clock (before → after).
 * Returns false, writing and journaling nothing, when asked to clear a clock that is not moved or to set
 * the date it was already set to.
 */
export async function setDemoClock(db: Db, actor: AdminActor, date: Date | null): Promise<boolean> {
  return db.transaction(async (tx) => {
    const before = await readDemoClock(tx);
    // Already on the real date, or already on that date: a journal row « changé » with nothing before → after
    // would mislead (issue 17 QA). The clock is not restarted either: it keeps running from its first setting.
    if (!before && !date) return false;
    if (before && date && before.demoDate.getTime() === date.getTime()) return false;
    if (date) {
      await tx
        .insert(demoClock)
        .values({ singleton: true, demoDate: date, setAt: new Date(), setBy: actor.userId })
        .onConflictDoUpdate({ target: demoClock.singleton, set: { demoDate: date, setAt: new Date(), setBy: actor.userId } });
    } else {
      await tx.delete(demoClock).where(eq(demoClock.singleton, true));
    }
    await recordEvent(tx, {
      ...adminAudit(actor), action: "admin.clock", targetType: "demo-clock",
      summary: { before: before ? before.demoDate.toISOString() : null, after: date ? date.toISOString() : null },
    });
    return true;
  });
}
