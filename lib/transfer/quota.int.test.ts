// Issue 15 leftover: a sender's quota holds across processes on one database. Two uploads racing for the
// last bytes get exactly one acceptance; another process's reservation (a row) counts, a dead process's
// (a row not renewed for the reservation lifetime) does not; uploads that fit together are both accepted.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { transferQuotaReservations } from "@/lib/db/schema";
import { loginWithPassword, type TransferAccount } from "./auth";
import { RESERVATION_LIFETIME_MS } from "./quota";
import { TransferError, TransferSession } from "./session";
import { transferStorage } from "./storage";
import { createSender, withTransferWorld } from "./testing/world";

const QUOTA = 1024 * 1024;
const CHUNK = 32 * 1024;

/** Uploads `bytes` in 32 KiB writes, yielding between writes so concurrent uploads interleave. */
async function upload(account: TransferAccount, name: string, bytes: number): Promise<"accepted" | "quota"> {
  const pending = await new TransferSession(account, "127.0.0.1").beginUpload(`/INTEST/${name}`);
  try {
    for (let offset = 0; offset < bytes; offset += CHUNK) {
      await pending.write(offset, new Uint8Array(Math.min(CHUNK, bytes - offset)).fill(7));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await pending.finish();
    return "accepted";
  } catch (error) {
    if (error instanceof TransferError && error.code === "quota") return "quota";
    throw error;
  }
}

describe("transfer quota across processes (issue 15 leftover)", () => {
  let db: Db;
  let account: TransferAccount;
  withTransferWorld(
    async (world) => {
      db = world.db;
      const sender = await createSender(db, "ivan", "FTP", "EXPIVANQUOTA");
      const login = await loginWithPassword(sender.username, sender.password ?? "", "127.0.0.1");
      if (!login.ok) throw new Error("login");
      account = login.account;
    },
    { maxFileBytes: 4 * QUOTA, quotaBytes: QUOTA },
  );
  const files = async () => (await transferStorage().list(account.senderId, "INTEST")).map((f) => f.name).sort();
  const clear = async () => {
    for (const name of await files()) await transferStorage().remove(account.senderId, "INTEST", name);
    await db.delete(transferQuotaReservations);
  };
  const reservations = async () => db.select().from(transferQuotaReservations).where(eq(transferQuotaReservations.senderId, account.senderId));

  it("accepts exactly one of two concurrent uploads that together exceed the quota, and keeps nothing of the other", async () => {
    await clear();
    const outcomes = await Promise.all([upload(account, "a.bin", 600 * 1024), upload(account, "b.bin", 600 * 1024)]);
    assert.deepEqual([...outcomes].sort(), ["accepted", "quota"]);
    assert.equal((await files()).length, 1);
    assert.deepEqual(await reservations(), [], "every reservation is given back");
  });

  it("accepts both of two concurrent uploads that fit together", async () => {
    await clear();
    const outcomes = await Promise.all([upload(account, "c.bin", 400 * 1024), upload(account, "d.bin", 400 * 1024)]);
    assert.deepEqual(outcomes, ["accepted", "accepted"]);
    assert.deepEqual(await files(), ["c.bin", "d.bin"]);
  });

  it("counts another process's upload in progress (its reservation row) but not a dead process's", async () => {
    await clear();
    const otherProcess = randomUUID();
    await db.insert(transferQuotaReservations).values({ id: otherProcess, senderId: account.senderId, bytes: 700 * 1024 });
    assert.equal(await upload(account, "e.bin", 400 * 1024), "quota");
    assert.deepEqual(await files(), []);
    // The other process died: its row is no longer renewed.
    await db
      .update(transferQuotaReservations)
      .set({ renewedAt: sql`now() - make_interval(secs => ${RESERVATION_LIFETIME_MS / 1000 + 1})` })
      .where(eq(transferQuotaReservations.id, otherProcess));
    assert.equal(await upload(account, "f.bin", 400 * 1024), "accepted");
    assert.deepEqual(await reservations(), [], "the dead row is swept under the sender's lock");
  });

  it("frees the bytes of the file an upload replaces", async () => {
    await clear();
    assert.equal(await upload(account, "g.bin", 700 * 1024), "accepted");
    assert.equal(await upload(account, "g.bin", 700 * 1024), "accepted");
    assert.equal(await upload(account, "h.bin", 700 * 1024), "quota");
  });
});
