import "server-only";
import { readFileSync } from "node:fs";
import type { AddressInfo, Socket } from "node:net";
import { PassThrough, pipeline, Writable, type Readable } from "node:stream";
import { FileSystem, FtpSrv, type FtpConnection } from "ftp-srv";
import { loginWithPassword } from "./auth";
import { connectionLimits, ConnectionGuard, type ConnectionLimits } from "./connection-guard";
import { registerMachineListings } from "./ftp-mlsd";
import { TransferError, TransferSession, type Listing, type SessionUpload } from "./session";
import type { RunningServer } from "./sftp-server";

/**
 * The FTP endpoint (issue 15, seed 000 §4): ftp-srv (see README for the choice) with a FileSystem that
 * is a thin adapter to TransferSession. Passive mode, MLSD/MLST, REST/APPE resumption, explicit TLS
 * (AUTH TLS) when a certificate is configured.
 */

const MESSAGES: Record<TransferError["code"], string> = {
  "not-found": "No such file",
  "invalid-path": "Permission denied",
  "permission-denied": "Permission denied",
  "too-large": "File too large",
  quota: "Quota exceeded",
  "account-gone": "Account no longer valid",
  "account-deleted": "Account deleted",
};

/** RETR outside the OUT folders: says where downloads are allowed. */
const DOWNLOAD_REFUSED = "Permission denied: files can be downloaded only from OUT, OUTTEST and OUTTEST-S";

class FtpError extends Error {
  constructor(
    message: string,
    readonly code = 550,
  ) {
    super(message);
  }
}

function ftpError(error: unknown): Error {
  if (error instanceof FtpError) return error;
  if (error instanceof TransferError) return new FtpError(MESSAGES[error.code], error.code === "quota" ? 552 : 550);
  console.error("[ftp] operation failed", error);
  return new FtpError("Failure");
}

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw ftpError(error);
  }
}

/** What ftp-srv's listings expect of a file: fs.Stats-like. */
function statOf(entry: Listing) {
  return { ...entry, mtime: entry.modifiedAt, mode: entry.directory ? 0o40755 : 0o100644, isDirectory: () => entry.directory };
}

/**
 * The download as ftp-srv reads it, stamping activity on every chunk: the control connection is
 * silent during a long transfer, which must not count as idle. Errors of the source reach ftp-srv.
 */
function downloadStream(source: Readable, activity: () => void): Readable {
  const counted = new PassThrough();
  counted.on("data", activity);
  counted.pause();
  pipeline(source, counted, () => undefined);
  return counted;
}

/** How long a finished data connection waits for the control connection's fate (see uploadStream). */
const COMPLETION_GRACE_MS = 250;

/** The upload as the stream ftp-srv pipes the data connection into. */
function uploadStream(upload: SessionUpload, startAt: number, control: Socket, activity: () => void): Writable {
  let offset = startAt;
  let finished = false;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      activity();
      upload.write(offset, chunk).then(() => {
        offset += chunk.length;
        callback();
      }, (error: unknown) => callback(ftpError(error)));
    },
    final(callback) {
      // In stream mode the end of the data connection is the end of the file (RFC 959 §3.4.1). A
      // killed client closes its control connection too, but its FIN may be read a little after the
      // data connection's: the upload is kept only if the control connection is still open after
      // COMPLETION_GRACE_MS (a live client waits for our 226 there), else discarded.
      const lost = () => control.destroyed || control.readableEnded;
      const decide = () => {
        clearTimeout(timer);
        control.off("end", decide).off("close", decide);
        if (lost()) return callback(new FtpError("Connection lost", 426));
        upload.finish().then(() => {
          finished = true;
          callback();
        }, (error: unknown) => callback(ftpError(error)));
      };
      const timer = setTimeout(decide, lost() ? 0 : COMPLETION_GRACE_MS);
      control.once("end", decide).once("close", decide);
    },
    destroy(error, callback) {
      control.off("close", controlGone);
      if (finished) return callback(error);
      upload.abandon().then(() => callback(error), () => callback(error));
    },
  });
  // A killed client's control connection may close before its data connection's end is read (the data
  // socket is paused while a write waits for the quota's database round trip); ftp-srv then destroys the
  // data socket without ending or failing this stream, which would keep the upload open for good. The
  // client is gone: discard. (No "close" listener on the stream: ftp-srv then emits "close" instead of
  // ending it, and the upload would never finish.)
  function controlGone() {
    if (!finished && !stream.destroyed) stream.destroy(new FtpError("Connection lost", 426));
  }
  control.once("close", controlGone);
  return stream;
}

class SenderFileSystem extends FileSystem {
  constructor(
    connection: FtpConnection,
    private readonly session: TransferSession,
    private readonly control: Socket,
    /** Stamps activity for the idle timeout (data chunks of uploads and downloads). */
    private readonly activity: () => void,
  ) {
    super(connection, { root: "/", cwd: "/" });
  }

  override currentDirectory(): string {
    return this.session.cwd;
  }

  override get(fileName: string) {
    return mapped(async () => statOf(await this.session.stat(fileName)));
  }

  override list(path = ".") {
    return mapped(async () => (await this.session.list(path)).map(statOf));
  }

  override chdir(path = ".") {
    return mapped(() => this.session.changeDirectory(path));
  }

  override write(fileName: string, { append = false, start }: { append?: boolean; start?: number } = {}) {
    return mapped(async () => {
      const from = Number(start ?? 0);
      const upload = await this.session.beginUpload(fileName, { resume: append || from > 0 });
      if (from > upload.size) {
        await upload.abandon();
        throw new TransferError("not-found");
      }
      const stream = uploadStream(upload, append ? upload.size : from, this.control, this.activity);
      return { stream, clientPath: this.session.resolve(fileName).path };
    });
  }

  override read(fileName: string, { start }: { start?: number } = {}) {
    return mapped(async () => {
      const source = await this.session.readStream(fileName, Number(start ?? 0)).catch((error: unknown) => {
        throw error instanceof TransferError && error.code === "permission-denied" ? new FtpError(DOWNLOAD_REFUSED) : error;
      });
      return { stream: downloadStream(source, this.activity), clientPath: this.session.resolve(fileName).path };
    });
  }

  override delete(path: string) {
    return mapped(() => this.session.remove(path));
  }

  override mkdir(): Promise<never> {
    return Promise.reject(new FtpError("Permission denied"));
  }

  override rename(from: string, to: string) {
    return mapped(() => this.session.rename(from, to));
  }

  override chmod(path: string) {
    return mapped(() => this.session.setAttributes(path));
  }

  override getUniqueName(fileName: string): string {
    return fileName;
  }
}

const quietLog = {
  child() {
    return quietLog;
  },
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/**
 * Starts the FTP server on `host:port`.
 * @param options.pasv passive data ports and the address announced in PASV replies
 * @param options.tls PEM file paths; when given, clients may switch to TLS with AUTH TLS
 * @param options.limits connection limits, login and idle timeouts (default: connectionLimits() from the environment)
 */
export async function startFtpServer(options: {
  host: string;
  port: number;
  pasv: { min: number; max: number; address: string };
  tls?: { certFile: string; keyFile: string };
  limits?: Partial<ConnectionLimits>;
}): Promise<RunningServer> {
  registerMachineListings(MESSAGES.quota, new Set([...Object.values(MESSAGES), DOWNLOAD_REFUSED]));
  const server = new FtpSrv({
    url: `ftp://${options.host}:${options.port}`,
    pasv_url: options.pasv.address,
    pasv_min: options.pasv.min,
    pasv_max: options.pasv.max,
    greeting: "Chaman Mirror FTP",
    anonymous: false,
    log: quietLog,
    tls: options.tls ? { cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) } : false,
    // Active mode would make the server connect out to addresses the client names (FTP bounce).
    blacklist: ["PORT", "EPRT", "SITE", "MKD", "RMD", "STOU"],
  });
  // RFC 959 §4.2: 421, service not available, closing control connection.
  const limits = { ...connectionLimits(), ...options.limits };
  const guard = new ConnectionGuard(limits, "ftp", {
    refused: (reason) => (reason === "per-ip" ? "421 Too many connections from your address, try again later.\r\n" : "421 Too many connections, try again later.\r\n"),
    timedOut: "421 Login timeout: closing control connection.\r\n",
  });
  // ftp-srv has no connection limits: its connection handler runs only for the sockets the guard admits.
  const tcp = (server as unknown as { server: import("node:net").Server }).server;
  const handlers = tcp.listeners("connection") as Array<(socket: Socket) => void>;
  tcp.removeAllListeners("connection");
  tcp.on("connection", (socket: Socket) => {
    if (guard.admit(socket)) for (const handler of handlers) handler(socket);
  });
  // The control socket as accepted: after AUTH TLS, commandSocket is the TLS socket wrapping it.
  const acceptedSocket = new WeakMap<object, Socket>();
  (server as unknown as NodeJS.EventEmitter).on("connect", ({ connection }: { connection: FtpConnection }) => acceptedSocket.set(connection, (connection as unknown as { commandSocket: Socket }).commandSocket));
  server.on("login", ({ connection, username, password }, resolve, reject) => {
    const ip = (connection.ip || "").replace(/^::ffff:/, "");
    loginWithPassword(username, password, ip).then(
      (result) => {
        if (!result.ok) return reject(new FtpError(result.reason === "throttled" ? "Too many failed attempts; try again later" : "Login incorrect", 530));
        const control = (connection as unknown as { commandSocket: Socket }).commandSocket;
        const accepted = acceptedSocket.get(connection) ?? control;
        // Idle timeout (vsftpd's and ProFTPD's wording): every command and every data chunk is activity.
        const seconds = Math.ceil(limits.idleTimeoutMs / 1000);
        // ftp-srv's typings say close(code, message: number); its code sends the text.
        const closeWith = (connection as unknown as { close(code: number, message: string): Promise<unknown> }).close.bind(connection);
        guard.loggedIn(accepted, () => void closeWith(421, `Idle timeout (${seconds} seconds): closing control connection.`));
        const activity = () => guard.activity(accepted);
        const commands = (connection as unknown as { commands: { handle(command: unknown): unknown } }).commands;
        const handle = commands.handle.bind(commands);
        commands.handle = (command: unknown) => (activity(), handle(command));
        resolve({ fs: new SenderFileSystem(connection, new TransferSession(result.account, ip), control, activity) });
      },
      (error: unknown) => {
        console.error("[ftp] login failed", error);
        reject(new FtpError("Login incorrect", 530));
      },
    );
  });
  server.on("client-error", ({ error }: { error: Error }) => console.warn("[ftp] client error: %s", error.message));
  await server.listen();
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return { port: address.port, openConnections: () => guard.connections, close: () => server.close() as Promise<void> };
}
