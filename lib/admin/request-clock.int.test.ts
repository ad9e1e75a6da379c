import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { useFreshDatabase } from "@/lib/db/test-db";
import type { Db } from "@/lib/db/client";
import type { AdminActor } from "./admins";
import { setDemoClock } from "./clock";
import { requestDemoClock, requestNow } from "./request-clock";

// requestDemoClock is cached for one React render only: outside a render (here) every call reads the
// database, so a change of the clock is never hidden behind an earlier reading.

let db: Db;
let dispose: () => Promise<void>;
const admin: AdminActor = { userId: null, label: "Test Admin", ip: "127.0.0.1" };

before(async () => {
  const handle = await useFreshDatabase();
  db = handle.db;
  dispose = handle.dispose;
});
after(async () => dispose());

test("the request clock follows every change of the demonstration clock", async () => {
  assert.equal(await requestDemoClock(), null);
  const real = Date.now();
  assert.ok(Math.abs((await requestNow()).getTime() - real) < 5_000, "real time while the clock is not moved");
  await setDemoClock(db, admin, new Date("2031-06-01T10:00:00Z"));
  assert.equal((await requestDemoClock())?.demoDate.toISOString(), "2031-06-01T10:00:00.000Z");
  const moved = await requestNow();
  assert.ok(moved.getTime() >= Date.parse("2031-06-01T10:00:00Z") && moved.getTime() < Date.parse("2031-06-01T10:01:00Z"), moved.toISOString());
  await setDemoClock(db, admin, null);
  assert.equal(await requestDemoClock(), null);
  assert.ok(Math.abs((await requestNow()).getTime() - Date.now()) < 5_000, "back on the real date");
});
