import "server-only";
import type { PGlite, Transaction } from "@electric-sql/pglite";

/**
 * PGlite is ONE PostgreSQL session. Its owner shares it between its own queries (Drizzle, in process) and
 * the clients of its socket (other processes, lib/db/embedded/socket-server.ts). Without care, a socket
 * client's BEGIN…COMMIT, or its Parse…Sync exchange, would interleave with the owner's queries and
 * transactions or another client's (running inside the other's transaction, or replacing its unnamed
 * prepared statement). The gate is a FIFO lock held by one user of the session at a time: an in-process
 * query or transaction from start to end, or a socket client from its first message until PostgreSQL
 * answers ReadyForQuery « idle ».
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
