import "server-only";
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import type { SessionGate } from "./session-gate";

// PostgreSQL wire protocol v3 (PostgreSQL docs, « Frontend/Backend Protocol », 55.2 and 55.7).
const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const TERMINATE = 0x58; // 'X'
const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]); // 'S'
/** Messages bigger than this end the connection (certificates are ≤ 64 KiB; bulk loads do not come this way). */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * One client connection. Its messages run one at a time, in order; the first message of a client that
 * does not hold the session waits for the gate, and the session is given back when PostgreSQL answers
 * ReadyForQuery « idle » (end of a query outside a transaction, COMMIT, ROLLBACK). A client that leaves
 * or falls silent while it holds the session is rolled back.
 */
class Connection {
  #buffer: Buffer = Buffer.alloc(0);
  #started = false;
  #release: (() => void) | null = null;
  #work: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly pglite: PGlite,
    private readonly gate: SessionGate,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => {
      this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
      this.#work = this.#work.then(() => this.#drain()).catch((error: unknown) => this.#fail(error));
    });
    socket.on("close", () => this.#end());
    socket.on("error", () => this.#end());
  }

  /** Runs every complete message in the buffer. */
  async #drain(): Promise<void> {
    while (!this.#closed) {
      const length = this.#nextMessageLength();
      if (length === null || this.#buffer.length < length) return;
      const message = new Uint8Array(this.#buffer.subarray(0, length));
      this.#buffer = this.#buffer.subarray(length);
      await this.#handle(message);
    }
  }

  /** Bytes of the next message (startup messages have no type byte), or null until its header is in. */
  #nextMessageLength(): number | null {
    if (!this.#started) return this.#buffer.length >= 4 ? this.#buffer.readInt32BE(0) : null;
    if (this.#buffer.length < 5) return null;
    const length = 1 + this.#buffer.readInt32BE(1);
    if (length < 5 || length > MAX_MESSAGE_BYTES) throw new Error(`invalid message length ${length}`);
    return length;
  }

  async #handle(message: Uint8Array): Promise<void> {
    if (!this.#started) {
      const code = Buffer.from(message).readInt32BE(4);
      // No TLS on a local socket: « N », and the client goes on in clear, as with PostgreSQL.
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) return void this.socket.write("N");
      if (code === CANCEL_REQUEST) return void this.socket.end(); // nothing to cancel: one statement runs at a time
      if (code !== PROTOCOL_3) throw new Error(`unsupported protocol ${code}`);
      this.#started = true;
    } else if (message[0] === TERMINATE) {
      void this.#end(); // queued after this message's work, which is still running
      return;
    }
    this.#release ??= await this.gate.acquire();
    let tail: Buffer = Buffer.alloc(0);
    await this.pglite.runExclusive(() =>
      this.pglite.execProtocolRawStream(message, {
        onRawData: (data) => {
          if (!this.socket.destroyed) this.socket.write(data);
          tail = Buffer.concat([tail, Buffer.from(data)]).subarray(-6);
        },
      }),
    );
    // ReadyForQuery ('Z', length 5, status) ends every answer to Query and Sync.
    if (tail.length === 6 && tail[0] === READY_FOR_QUERY && tail.readInt32BE(1) === 5 && tail[5] === IDLE) this.#giveBack();
  }

  #giveBack(): void {
    const release = this.#release;
    this.#release = null;
    release?.();
  }

  #fail(error: unknown): void {
    console.error(`[chaman] database socket client dropped: ${error instanceof Error ? error.message : String(error)}`);
    this.socket.destroy();
    void this.#end();
  }

  /** Ends the connection once its running message is done; rolls back what it left open. */
  #end(): Promise<void> {
    if (this.#closed) return this.#work;
    this.#closed = true;
    this.socket.destroy();
    this.#work = this.#work.then(async () => {
      if (!this.#release) return;
      try {
        // Sync ends an unfinished Parse…Execute exchange; ROLLBACK ends an open transaction.
        await this.pglite.runExclusive(() => this.pglite.execProtocolRaw(SYNC));
        await this.pglite.exec("ROLLBACK");
      } catch (error) {
        console.error("[chaman] rolling back a departed database socket client failed", error);
      } finally {
        this.#giveBack();
      }
    });
    return this.#work;
  }

  close(): Promise<void> {
    return this.#end();
  }
}

/**
 * Serves the PGlite session on the Unix socket `socketPath` (PostgreSQL wire protocol v3, no TLS, no
 * password: the socket's directory is the access control). Every client shares the one session through
 * `gate` with the owner's in-process queries (lib/db/embedded/session-gate.ts). A connection silent for
 * `idleMs` is closed (and rolled back if it held the session).
 * Resolves with a function that stops listening and closes every connection.
 */
export async function serveOnSocket(pglite: PGlite, gate: SessionGate, socketPath: string, idleMs = 60_000): Promise<() => Promise<void>> {
  const connections = new Set<Connection>();
  const server: Server = createServer((socket) => {
    socket.setTimeout(idleMs, () => socket.destroy());
    const connection = new Connection(socket, pglite, gate);
    connections.add(connection);
    socket.once("close", () => connections.delete(connection));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  return async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.all([...connections].map((c) => c.close()));
    await closed;
  };
}
