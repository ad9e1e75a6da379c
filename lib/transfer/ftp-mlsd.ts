import "server-only";
import { createRequire } from "node:module";
import net, { type Socket } from "node:net";
import tls from "node:tls";
import type { Listing } from "./session";

/**
 * MLSD and MLST (RFC 3659 §7) for ftp-srv, which has neither: machine-readable listings that
 * FileZilla, WinSCP and lftp prefer to parsing `ls` lines. Registered in ftp-srv's command registry
 * (its documented extension point is the FileSystem; commands live in src/commands/registry.js).
 */

interface FtpConnectionLike {
  fs?: { get(path: string): Promise<Listing & { isDirectory(): boolean }>; list(path: string): Promise<Array<Listing & { isDirectory(): boolean }>> };
  reply(options: unknown, ...letters: unknown[]): Promise<unknown>;
  connector: { waitForConnection(): Promise<unknown>; socket: unknown; end(): void };
  commandSocket: { pause(): void; resume(): void };
}

type Command = { arg: string | null };

function fact(entry: Listing): string {
  const d = entry.modifiedAt;
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const modify = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  // perm (RFC 3659 §7.5.5): what this sender may do; the server still checks every operation.
  const facts = entry.directory ? `type=dir;modify=${modify};perm=elc;` : `type=file;size=${entry.size};modify=${modify};perm=rdw;`;
  return `${facts} ${entry.name}`;
}

async function mlsd(this: FtpConnectionLike, { command }: { command: Command }): Promise<unknown> {
  if (!this.fs) return this.reply(550, "File system not instantiated");
  const path = command.arg || ".";
  try {
    await this.connector.waitForConnection();
    this.commandSocket.pause();
    const entries = await this.fs.list(path);
    await this.reply(150);
    if (entries.length) await this.reply({}, ...entries.map((e) => ({ raw: true, message: fact(e), socket: this.connector.socket })));
    else await this.reply({ socket: this.connector.socket, useEmptyMessage: true });
    await this.reply(226);
  } catch (error) {
    await this.reply(501, (error as Error).message || "No directory");
  } finally {
    this.connector.end();
    this.commandSocket.resume();
  }
  return undefined;
}

async function mlst(this: FtpConnectionLike, { command }: { command: Command }): Promise<unknown> {
  if (!this.fs) return this.reply(550, "File system not instantiated");
  try {
    const entry = await this.fs.get(command.arg || ".");
    return this.reply(250, "Listing", { raw: true, message: ` ${fact(entry)}` }, "End");
  } catch (error) {
    return this.reply(550, (error as Error).message || "No such file");
  }
}

interface PassiveLike {
  connection: { secure?: boolean; commandSocket: Socket; server: { options: { tls?: tls.SecureContextOptions | false } }; reply(code: number, message: string): Promise<unknown>; close(): Promise<unknown> };
  server: { getNextPasvPort(): Promise<number>; url: { hostname: string }; emit(event: string, data: unknown): void };
  dataSocket: (Socket & { connected?: boolean }) | null;
  dataServer: net.Server | null;
  closeServer(): void;
  end(): void;
}

/**
 * ftp-srv's passive connector, with one change for TLS: ftp-srv waits for the data connection's TLS
 * handshake before it sends « 150 », but lftp and curl start that handshake only after « 150 », so
 * protected transfers (PROT P) never start (QuorumDMS/ftp-srv#192). Here the data socket is wrapped in
 * TLS as soon as it is accepted and counts as connected at once; what is written before the handshake
 * ends is queued by Node. The address check (data and control from the same client) is kept.
 */
function fixPassiveTls(require: NodeJS.Require): void {
  const Passive = require("ftp-srv/src/connector/passive") as { prototype: { setupServer(this: PassiveLike): Promise<unknown> } };
  Passive.prototype.setupServer = async function (this: PassiveLike) {
    this.closeServer();
    const port = await this.server.getNextPasvPort();
    this.dataSocket = null;
    const secure = Boolean(this.connection.secure);
    const tlsOptions = this.connection.server.options.tls || {};
    const timer: { idle?: NodeJS.Timeout } = {};
    const dataServer = net.createServer({ pauseOnConnect: true }, (raw) => {
      const sameClient = raw.remoteAddress?.replace(/^::ffff:/, "") === this.connection.commandSocket.remoteAddress?.replace(/^::ffff:/, "");
      if (!sameClient) {
        raw.destroy();
        void this.connection.reply(550, "Remote addresses do not match").then(() => this.connection.close());
        return;
      }
      clearTimeout(timer.idle);
      const socket: Socket & { connected?: boolean } = secure ? new tls.TLSSocket(raw, { isServer: true, secureContext: tls.createSecureContext(tlsOptions) }) : raw;
      socket.on("error", (error) => this.server.emit("client-error", { connection: this.connection, context: "dataSocket", error }));
      socket.once("close", () => this.closeServer());
      socket.connected = true;
      this.dataSocket = socket;
    });
    dataServer.maxConnections = 1;
    dataServer.on("error", (error) => this.server.emit("client-error", { connection: this.connection, context: "dataServer", error }));
    dataServer.once("close", () => this.end());
    this.dataServer = dataServer;
    await new Promise<void>((resolve, reject) => {
      dataServer.once("error", reject);
      dataServer.listen(port, this.server.url.hostname, () => resolve());
    });
    timer.idle = setTimeout(() => this.closeServer(), 30_000);
    return dataServer;
  };
}

/** Rewrites a command's reply code while it runs (ftp-srv's handlers hard-code theirs). */
function rewriteReplies(registry: Record<string, unknown>, directives: string[], rewrite: (code: unknown, message: unknown) => unknown): void {
  for (const directive of directives) {
    const entry = registry[directive] as { handler: (this: FtpConnectionLike, args: unknown) => unknown };
    const original = entry.handler;
    entry.handler = function (this: FtpConnectionLike, args: unknown) {
      const reply = this.reply;
      this.reply = (options: unknown, ...letters: unknown[]) => reply.call(this, rewrite(options, letters[0]), ...letters);
      return Promise.resolve(original.call(this, args)).finally(() => {
        this.reply = reply;
      });
    };
  }
}

/**
 * Reply codes ftp-srv gets wrong (RFC 959 §4.2):
 * - every failed STOR/APPE is 550, but a refusal for the sender's quota must be 552 « Exceeded storage
 *   allocation » so clients tell it from a permission problem;
 * - every failed RETR is 551 (« page type unknown »), but a refused or missing file is 550 « file
 *   unavailable (e.g., file not found, no access) », and a failure while sending is 451 « local error ».
 * `refusals`: the texts of our 550 refusals (FtpError messages), to tell them from other failures.
 */
function replyCodes(registry: Record<string, unknown>, quotaMessage: string, refusals: ReadonlySet<string>): void {
  rewriteReplies(registry, ["STOR", "APPE"], (code, message) => (code === 550 && message === quotaMessage ? 552 : code));
  rewriteReplies(registry, ["RETR"], (code, message) => (code === 551 ? (typeof message === "string" && refusals.has(message) ? 550 : 451) : code));
}

let registered = false;

/**
 * Adds MLSD and MLST (and their FEAT line) to ftp-srv, fixes passive TLS and its reply codes (see
 * replyCodes), once per process. `quotaMessage`: the text of the quota refusal; `refusals`: every
 * text of our 550 refusals.
 */
export function registerMachineListings(quotaMessage: string, refusals: ReadonlySet<string>): void {
  if (registered) return;
  registered = true;
  const require = createRequire(import.meta.url);
  const registry = require("ftp-srv/src/commands/registry") as Record<string, unknown>;
  const flags = { feat: "MLST type*;size*;modify*;perm*;" };
  registry.MLSD = { directive: "MLSD", handler: mlsd, syntax: "{{cmd}} [<path>]", description: "Machine-readable directory listing (RFC 3659)" };
  registry.MLST = { directive: "MLST", handler: mlst, syntax: "{{cmd}} [<path>]", description: "Machine-readable file facts (RFC 3659)", flags };
  fixPassiveTls(require);
  replyCodes(registry, quotaMessage, refusals);
}
