import "server-only";
import { createServer, type AddressInfo, type Socket } from "node:net";
import ssh2, { type Attributes, type AuthContext, type Connection, type SFTPWrapper } from "ssh2";
import { keyIsRegistered, loginWithKey, recordKeyRefusal } from "./auth";
import { connectionLimits, ConnectionGuard, type ConnectionLimits } from "./connection-guard";
import { TransferError, TransferSession, type Listing, type SessionUpload } from "./session";
import { endSession } from "./session-ended";
import type { ReadHandle } from "./storage";

/**
 * The SFTP endpoint (issue 15, seed 001): a thin adapter from ssh2's server (SFTP version 3) to
 * TransferSession. Public-key authentication only; no shell, exec or forwarding.
 */

const { OPEN_MODE, STATUS_CODE } = ssh2.utils.sftp;

type Open =
  | { kind: "read"; path: string; handle: ReadHandle }
  | { kind: "write"; path: string; upload: SessionUpload }
  | { kind: "dir"; entries: Listing[]; sent: boolean };

function attributes(entry: Listing): Attributes {
  const seconds = Math.floor(entry.modifiedAt.getTime() / 1000);
  return { mode: entry.directory ? 0o40755 : 0o100644, uid: 0, gid: 0, size: entry.size, atime: seconds, mtime: seconds };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `ls -l` style line, which clients show as is (draft-ietf-secsh-filexfer-02 §7). */
function longname(entry: Listing): string {
  const d = entry.modifiedAt;
  const date = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  return `${entry.directory ? "drwxr-xr-x" : "-rw-r--r--"} 1 sender sender ${String(entry.size).padStart(10)} ${date} ${entry.name}`;
}

function statusOf(error: unknown): [number, string] {
  if (error instanceof TransferError) {
    switch (error.code) {
      case "not-found":
        return [STATUS_CODE.NO_SUCH_FILE, "No such file"];
      case "invalid-path":
      case "permission-denied":
        return [STATUS_CODE.PERMISSION_DENIED, "Permission denied"];
      case "too-large":
        return [STATUS_CODE.FAILURE, "File too large"];
      case "quota":
        return [STATUS_CODE.FAILURE, "Quota exceeded"];
      case "account-gone":
      case "account-deleted":
        // Not sent: endSession says it in the disconnect (kept for completeness of the mapping).
        return [STATUS_CODE.PERMISSION_DENIED, "Account no longer valid"];
    }
  }
  console.error("[sftp] operation failed", error);
  return [STATUS_CODE.FAILURE, "Failure"];
}

/** Open handles per SFTP session by default (OpenSSH clients keep a few; 64 leaves room for any client). */
export const DEFAULT_MAX_HANDLES = 64;

/** Every SFTP request (draft-ietf-secsh-filexfer-02 §6): each one is activity for the idle timeout. */
const REQUESTS = ["REALPATH", "STAT", "LSTAT", "FSTAT", "OPENDIR", "READDIR", "OPEN", "READ", "WRITE", "CLOSE", "REMOVE", "RENAME", "SETSTAT", "FSETSTAT", "MKDIR", "RMDIR", "SYMLINK", "READLINK"] as const;

function serve(sftp: SFTPWrapper, session: TransferSession, client: Connection, maxHandles: number, activity: () => void): () => Promise<void> {
  // A long upload or download is a stream of WRITE/READ requests, so it never counts as idle.
  for (const request of REQUESTS) sftp.on(request, activity);
  const open = new Map<number, Open>();
  let next = 1;
  // Every handle holds a file descriptor or a listing: a client opening without closing is stopped.
  const tooMany = (reqid: number) => open.size >= maxHandles && (sftp.status(reqid, STATUS_CODE.FAILURE, `Too many open handles (at most ${maxHandles})`), true);
  const handleOf = (entry: Open) => {
    const id = next++;
    open.set(id, entry);
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(id);
    return buffer;
  };
  const lookup = (handle: Buffer) => (handle.length === 4 ? open.get(handle.readUInt32BE(0)) : undefined);
  // Runs one request; errors become the SFTP status the client shows; a vanished account ends the connection.
  const run = (reqid: number, work: () => Promise<void>) => {
    work().catch((error: unknown) => {
      // The session ends with the reason as the SSH disconnect's description, which OpenSSH prints; an
      // SFTP status before it would race with it (the client may exit on the status first).
      if (error instanceof TransferError && (error.code === "account-gone" || error.code === "account-deleted")) return endSession(client, session.account.senderId, error.code);
      const [code, message] = statusOf(error);
      sftp.status(reqid, code, message);
    });
  };
  const ok = (reqid: number) => sftp.status(reqid, STATUS_CODE.OK);

  sftp
    .on("REALPATH", (reqid, path) => {
      const resolved = session.resolve(path);
      sftp.name(reqid, [{ filename: resolved.path, longname: resolved.path, attrs: {} as Attributes }]);
    })
    .on("STAT", (reqid, path) => run(reqid, async () => sftp.attrs(reqid, attributes(await session.stat(path)))))
    .on("LSTAT", (reqid, path) => run(reqid, async () => sftp.attrs(reqid, attributes(await session.stat(path)))))
    .on("FSTAT", (reqid, handle) =>
      run(reqid, async () => {
        const entry = lookup(handle);
        if (!entry || entry.kind === "dir") throw new TransferError("not-found");
        if (entry.kind === "write") return sftp.attrs(reqid, attributes({ name: entry.path, directory: false, size: entry.upload.size, modifiedAt: new Date() }));
        sftp.attrs(reqid, attributes(await session.stat(entry.path)));
      }),
    )
    .on("OPENDIR", (reqid, path) => tooMany(reqid) || run(reqid, async () => sftp.handle(reqid, handleOf({ kind: "dir", entries: await session.list(path), sent: false }))))
    .on("READDIR", (reqid, handle) => {
      const entry = lookup(handle);
      if (!entry || entry.kind !== "dir") return sftp.status(reqid, STATUS_CODE.FAILURE);
      if (entry.sent) return sftp.status(reqid, STATUS_CODE.EOF);
      entry.sent = true;
      sftp.name(reqid, entry.entries.map((e) => ({ filename: e.name, longname: longname(e), attrs: attributes(e) })));
    })
    .on("OPEN", (reqid, path, flags) =>
      tooMany(reqid) ||
      run(reqid, async () => {
        if (flags & OPEN_MODE.WRITE) {
          // Without TRUNC the client resumes (OpenSSH `reput`): the upload starts from the current content.
          const upload = await session.beginUpload(path, { resume: !(flags & OPEN_MODE.TRUNC) });
          return sftp.handle(reqid, handleOf({ kind: "write", path, upload }));
        }
        sftp.handle(reqid, handleOf({ kind: "read", path, handle: await session.openRead(path) }));
      }),
    )
    .on("READ", (reqid, handle, offset, length) =>
      run(reqid, async () => {
        const entry = lookup(handle);
        if (!entry || entry.kind !== "read") throw new TransferError("not-found");
        const data = await entry.handle.read(offset, Math.min(length, 256 * 1024));
        if (data.length === 0) return sftp.status(reqid, STATUS_CODE.EOF);
        sftp.data(reqid, data);
      }),
    )
    .on("WRITE", (reqid, handle, offset, data) =>
      run(reqid, async () => {
        const entry = lookup(handle);
        if (!entry || entry.kind !== "write") throw new TransferError("not-found");
        try {
          await entry.upload.write(offset, data);
        } catch (error) {
          // A refused write ends the upload: nothing of it is kept. The handle stays until CLOSE so
          // the writes already pipelined behind it get the same status.
          await entry.upload.abandon();
          throw error;
        }
        ok(reqid);
      }),
    )
    .on("CLOSE", (reqid, handle) =>
      run(reqid, async () => {
        const entry = lookup(handle);
        if (!entry) throw new TransferError("not-found");
        open.delete(handle.readUInt32BE(0));
        if (entry.kind === "read") await entry.handle.close();
        if (entry.kind === "write") await entry.upload.finish();
        ok(reqid);
      }),
    )
    .on("REMOVE", (reqid, path) => run(reqid, async () => (await session.remove(path), ok(reqid))))
    .on("RENAME", (reqid, from, to) => run(reqid, async () => (await session.rename(from, to), ok(reqid))))
    .on("SETSTAT", (reqid, path) => run(reqid, async () => (await session.setAttributes(path), ok(reqid))))
    .on("FSETSTAT", (reqid, handle) => (lookup(handle) ? ok(reqid) : sftp.status(reqid, STATUS_CODE.FAILURE)))
    .on("MKDIR", (reqid) => sftp.status(reqid, STATUS_CODE.PERMISSION_DENIED, "Permission denied"))
    .on("RMDIR", (reqid) => sftp.status(reqid, STATUS_CODE.PERMISSION_DENIED, "Permission denied"))
    .on("SYMLINK", (reqid) => sftp.status(reqid, STATUS_CODE.PERMISSION_DENIED, "Permission denied"))
    .on("READLINK", (reqid) => sftp.status(reqid, STATUS_CODE.NO_SUCH_FILE, "No such file"))
    // The client is done (EOF on the channel): close our side too, or it waits for us.
    .on("end", () => sftp.end());

  // The connection is gone: unfinished uploads are discarded (a kill during an upload keeps nothing).
  return async () => {
    for (const entry of open.values()) {
      if (entry.kind === "write") await entry.upload.abandon().catch((error: unknown) => console.error("[sftp] discard failed", error));
      if (entry.kind === "read") await entry.handle.close().catch(() => undefined);
    }
    open.clear();
  };
}

/** What one connection's authentication has seen so far. */
interface AuthState {
  /** The username for which the client offered only keys that are not registered (journaled at close). */
  offeredUnregistered?: string;
  authenticated: boolean;
}

function authenticate(ctx: AuthContext, ip: string, state: AuthState, done: (session: TransferSession) => void): void {
  if (ctx.method !== "publickey") return ctx.reject(["publickey"]);
  const username = ctx.username;
  const key = ctx.key.data;
  if (!ctx.signature || !ctx.blob) {
    // The client asks whether this key would do before signing with it (RFC 4252 §7). Offering keys
    // that are not registered is how ssh-agent, Pageant and ~/.ssh/id_* clients find the right one: not
    // a failure by itself. A connection that ends without logging in counts once (see the close handler).
    const unregistered = () => {
      state.offeredUnregistered = username;
      ctx.reject(["publickey"]);
    };
    keyIsRegistered(username, key).then((registered) => (registered ? ctx.accept() : unregistered()), unregistered);
    return;
  }
  const parsed = ssh2.utils.parseKey(key);
  const proofOk = !(parsed instanceof Error) && parsed.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true;
  loginWithKey(username, key, proofOk, ip).then(
    (result) => {
      if (!result.ok) return ctx.reject(["publickey"]);
      state.authenticated = true;
      done(new TransferSession(result.account, ip));
      ctx.accept();
    },
    (error: unknown) => {
      console.error("[sftp] authentication failed", error);
      ctx.reject(["publickey"]);
    },
  );
}

export interface RunningServer {
  port: number;
  /** Sockets the server holds open now (fully closed ones are not counted). */
  openConnections(): number;
  close(): Promise<void>;
}

/**
 * Starts the SFTP server on `host:port` (port 0: any free port, for tests).
 * @param options.limits connection limits, login and idle timeouts (default: connectionLimits() from the environment)
 * @param options.maxHandles open files and listings per SFTP session (default CHAMAN_SFTP_MAX_HANDLES or 64)
 */
export async function startSftpServer(options: { host: string; port: number; hostKey: string; limits?: Partial<ConnectionLimits>; maxHandles?: number }): Promise<RunningServer> {
  const clients = new Set<Connection>();
  const maxHandles = options.maxHandles ?? (Number(process.env.CHAMAN_SFTP_MAX_HANDLES) > 0 ? Number(process.env.CHAMAN_SFTP_MAX_HANDLES) : DEFAULT_MAX_HANDLES);
  // RFC 4253 §4.2: the server may send lines before its version string; clients show or log them.
  const guard = new ConnectionGuard({ ...connectionLimits(), ...options.limits }, "sftp", {
    refused: (reason) => (reason === "per-ip" ? "Too many connections from your address, try again later\r\n" : "Too many connections, try again later\r\n"),
    timedOut: "",
  });
  // ssh2 knows a connection only once the client's version line arrived: the sockets are ours first.
  const sockets = new Map<string, Socket>();
  const keyOf = (ip: string | undefined, port: number | undefined) => `${ip}|${port}`;
  const server = new ssh2.Server({ hostKeys: [options.hostKey], ident: "ChamanMirror" }, (client, info) => {
    clients.add(client);
    const ip = info.ip;
    const socket = sockets.get(keyOf(info.ip, info.port));
    let session: TransferSession | undefined;
    const state: AuthState = { authenticated: false };
    const cleanups: Array<() => Promise<void>> = [];
    client
      .on("authentication", (ctx) => authenticate(ctx, ip, state, (s) => (session = s)))
      .on("ready", () => {
        // Idle: ssh2's end() sends SSH_MSG_DISCONNECT (RFC 4253 §11.1) before closing; the guard destroys after.
        if (socket) guard.loggedIn(socket, () => client.end());
        client.on("session", (accept) => {
          const channel = accept();
          channel.on("sftp", (acceptSftp) => {
            if (!session) return;
            cleanups.push(serve(acceptSftp(), session, client, maxHandles, () => socket && guard.activity(socket)));
          });
        });
      })
      .on("error", (error) => console.warn("[sftp] client %s: %s", ip, error.message))
      .on("close", () => {
        clients.delete(client);
        // One failure per connection that offered only unregistered keys, however many it tried.
        if (!state.authenticated && state.offeredUnregistered) {
          recordKeyRefusal(state.offeredUnregistered, ip).catch((error: unknown) => console.error("[sftp] journal failed", error));
        }
        for (const cleanup of cleanups) void cleanup();
      });
  });
  const listener = createServer((socket) => {
    if (!guard.admit(socket)) return;
    const key = keyOf(socket.remoteAddress, socket.remotePort);
    sockets.set(key, socket);
    socket.once("close", () => sockets.delete(key));
    server.injectSocket(socket);
  });
  await new Promise<void>((resolve, reject) => {
    listener.once("error", reject);
    listener.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (listener.address() as AddressInfo).port,
    openConnections: () => guard.connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        // end() only half-closes (and does nothing before the handshake): what is still open shortly
        // after is destroyed, so close() always resolves.
        const sweep = setTimeout(() => sockets.forEach((socket) => socket.destroy()), 500);
        listener.close(() => (clearTimeout(sweep), resolve()));
      }),
  };
}
