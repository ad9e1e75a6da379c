import "server-only";
import type { PGlite, Transaction } from "@electric-sql/pglite";

/**
 * PGlite is ONE PostgreSQL session. Its owner shares it between its own queries (Drizzle, in process) and
 * the clients of its socket (other processes through @electric-sql/pglite-socket). pglite-socket only keeps
 * its own clients apart, and only inside an explicit transaction: a socket client's BEGIN…COMMIT, or its
 * Parse…Sync exchange, could otherwise interleave with the owner's queries and transactions (they would run
 * inside the other's transaction, or replace its unnamed prepared statement). The gate closes that gap: a
 * FIFO lock held by one user of the session at a time — an in-process query or transaction from start to
 * end, or a socket client from its first message until PostgreSQL answers ReadyForQuery « idle ».
 */
export class SessionGate {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the session; resolves with the function that gives it back (call it exactly once). */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const granted = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => released);
    return granted;
  }

  /** Runs `work` with the session to itself. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/**
 * The PGlite instance as Drizzle (and any in-process caller) must see it: `query`, `sql`, `exec` and
 * `transaction` wait for the gate; a transaction holds it until COMMIT/ROLLBACK (its own queries go
 * through the Transaction object, not through the gate again). Everything else is the instance itself.
 */
export function gatedPglite(pglite: PGlite, gate: SessionGate): PGlite {
  const gated: Partial<Record<keyof PGlite, unknown>> = {
    query: (...args: Parameters<PGlite["query"]>) => gate.run(() => pglite.query(...args)),
    sql: (...args: Parameters<PGlite["sql"]>) => gate.run(() => pglite.sql(...args)),
    exec: (...args: Parameters<PGlite["exec"]>) => gate.run(() => pglite.exec(...args)),
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) => gate.run(() => pglite.transaction(callback)),
  };
  return new Proxy(pglite, {
    get(target, property) {
      if (typeof property === "string" && property in gated) return gated[property as keyof PGlite];
      const value: unknown = Reflect.get(target, property, target);
      // PGlite keeps its state in private fields: its methods must run with the instance itself as `this`.
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'
const TERMINATE = 0x58; // 'X'

/**
 * What pglite-socket's query queue is given instead of the PGlite instance (it uses only these members).
 * `runExclusive` takes the gate when the socket side does not hold it yet; the gate is given back when the
 * answer ends with ReadyForQuery « idle ». `isInTransaction` says « the socket side holds the session », so
 * the queue serves only the client that holds it until then (pglite-socket's own rule for transactions).
 */
export function socketSideOf(pglite: PGlite, gate: SessionGate) {
  let release: (() => void) | null = null;
  const giveBack = () => {
    const r = release;
    release = null;
    r?.();
  };
  const side = {
    get waitReady() {
      return pglite.waitReady;
    },
    isInTransaction: () => release !== null,
    async runExclusive<T>(work: () => Promise<T>): Promise<T> {
      release ??= await gate.acquire();
      return pglite.runExclusive(work);
    },
    async execProtocolRawStream(message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }): Promise<void> {
      if (message[0] === TERMINATE) {
        // The client leaves: nothing to ask PostgreSQL. If it left inside a transaction, pglite-socket's
        // detach rolls it back through `exec` below, which gives the session back.
        if (!pglite.isInTransaction()) giveBack();
        return;
      }
      const tail = new Uint8Array(6);
      let seen = 0;
      await pglite.execProtocolRawStream(message, {
        onRawData: (data) => {
          for (const byte of data.length > 6 ? data.subarray(data.length - 6) : data) {
            tail.copyWithin(0, 1);
            tail[5] = byte;
            seen += 1;
          }
          options.onRawData(data);
        },
      });
      // ReadyForQuery is 'Z', length 5, status: the last message of every answer to Query or Sync.
      if (seen >= 6 && tail[0] === READY_FOR_QUERY && tail[4] === 5 && tail[5] === IDLE) giveBack();
    },
    /** Called by pglite-socket with ROLLBACK when a client leaves while holding the session. */
    async exec(query: string) {
      try {
        return await pglite.exec(query);
      } finally {
        giveBack();
      }
    },
  };
  return side as unknown as PGlite;
}
