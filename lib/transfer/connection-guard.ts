import "server-only";
import type { Socket } from "node:net";

/**
 * Connection hygiene of the batch servers (issue 15), at the TCP level so that it holds before any
 * protocol byte is read: at most `maxConnections` sockets in total and `maxConnectionsPerIp` per
 * client address (more are refused at once, with a line the protocol allows), and a socket that has
 * not logged in after `loginTimeoutMs` is destroyed. Destroyed, not ended: ending an ssh2 connection
 * before its handshake leaves the socket open (a half-close the client may never answer).
 * After login, a session with no activity (command, request or data chunk: see `activity`) for
 * `idleTimeoutMs` is closed by the protocol's own goodbye, then destroyed: an idle session would
 * otherwise hold one of the per-address slots for ever.
 */
export interface ConnectionLimits {
  /** Milliseconds from the TCP connection to a successful login. */
  loginTimeoutMs: number;
  /** Milliseconds without any command, request or data after login before the session is closed. */
  idleTimeoutMs: number;
  maxConnections: number;
  maxConnectionsPerIp: number;
}

export type Refusal = "total" | "per-ip";

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/**
 * From the environment: CHAMAN_TRANSFER_LOGIN_TIMEOUT_SECONDS (default 120),
 * CHAMAN_TRANSFER_IDLE_TIMEOUT_SECONDS (default 600, like vsftpd's and ProFTPD's idle timeouts),
 * CHAMAN_TRANSFER_MAX_CONNECTIONS (default 200, per server), CHAMAN_TRANSFER_MAX_CONNECTIONS_PER_IP (default 20).
 */
export function connectionLimits(env: NodeJS.ProcessEnv = process.env): ConnectionLimits {
  return {
    loginTimeoutMs: positive(env.CHAMAN_TRANSFER_LOGIN_TIMEOUT_SECONDS, 120) * 1000,
    idleTimeoutMs: positive(env.CHAMAN_TRANSFER_IDLE_TIMEOUT_SECONDS, 600) * 1000,
    maxConnections: positive(env.CHAMAN_TRANSFER_MAX_CONNECTIONS, 200),
    maxConnectionsPerIp: positive(env.CHAMAN_TRANSFER_MAX_CONNECTIONS_PER_IP, 20),
  };
}

export const clientAddress = (socket: Socket) => (socket.remoteAddress ?? "").replace(/^::ffff:/, "");

export class ConnectionGuard {
  private total = 0;
  private readonly perIp = new Map<string, number>();
  private readonly timers = new Map<Socket, NodeJS.Timeout>();
  private readonly idle = new Map<Socket, { last: number; timer: NodeJS.Timeout }>();

  constructor(
    private readonly limits: ConnectionLimits,
    private readonly protocol: "sftp" | "ftp",
    /** Says goodbye in the protocol's words before the socket is destroyed. */
    private readonly farewell: { refused(reason: Refusal): string; timedOut: string },
  ) {}

  /** Counts a new socket; false (and the socket is closed) when a limit is reached. */
  admit(socket: Socket): boolean {
    const ip = clientAddress(socket);
    const fromIp = this.perIp.get(ip) ?? 0;
    const reason: Refusal | null = this.total >= this.limits.maxConnections ? "total" : fromIp >= this.limits.maxConnectionsPerIp ? "per-ip" : null;
    if (reason) {
      console.warn("[%s] connection from %s refused: %s limit reached", this.protocol, ip, reason);
      this.close(socket, this.farewell.refused(reason));
      return false;
    }
    this.total++;
    this.perIp.set(ip, fromIp + 1);
    const timer = setTimeout(() => {
      console.warn("[%s] %s did not log in within %d ms: connection closed", this.protocol, ip, this.limits.loginTimeoutMs);
      this.close(socket, this.farewell.timedOut);
    }, this.limits.loginTimeoutMs);
    timer.unref();
    this.timers.set(socket, timer);
    socket.once("close", () => {
      this.stopTimers(socket);
      this.total--;
      const left = (this.perIp.get(ip) ?? 1) - 1;
      if (left > 0) this.perIp.set(ip, left);
      else this.perIp.delete(ip);
    });
    return true;
  }

  /**
   * The socket's session logged in: the login timer stops and the idle timer starts. When the session
   * has had no `activity` for `idleTimeoutMs`, `onIdle` says goodbye in the protocol's words (FTP 421,
   * SSH disconnect) and the socket is destroyed a moment later whatever the peer does.
   */
  loggedIn(socket: Socket, onIdle: () => void): void {
    this.stopTimers(socket);
    if (socket.destroyed) return;
    const check = () => {
      const entry = this.idle.get(socket);
      if (!entry) return;
      const quiet = Date.now() - entry.last;
      if (quiet < this.limits.idleTimeoutMs) {
        // Activity only stamps the time (cheap on every data chunk); the timer re-arms for the rest.
        entry.timer = setTimeout(check, this.limits.idleTimeoutMs - quiet);
        entry.timer.unref();
        return;
      }
      this.idle.delete(socket);
      console.warn("[%s] %s idle for %d ms: session closed", this.protocol, clientAddress(socket), quiet);
      try {
        onIdle();
      } finally {
        setTimeout(() => socket.destroy(), 1000).unref();
      }
    };
    const timer = setTimeout(check, this.limits.idleTimeoutMs);
    timer.unref();
    this.idle.set(socket, { last: Date.now(), timer });
  }

  /** The session on this socket did something (command, request, data chunk): its idle time restarts. */
  activity(socket: Socket): void {
    const entry = this.idle.get(socket);
    if (entry) entry.last = Date.now();
  }

  private stopTimers(socket: Socket): void {
    const timer = this.timers.get(socket);
    if (timer) clearTimeout(timer);
    this.timers.delete(socket);
    const idle = this.idle.get(socket);
    if (idle) clearTimeout(idle.timer);
    this.idle.delete(socket);
  }

  /** Sockets counted now (for tests and logs). */
  get connections(): number {
    return this.total;
  }

  private close(socket: Socket, line: string): void {
    // The last words go out before our FIN (destroying at once could reset the connection and lose
    // them); a peer that does not close its side in return is destroyed a moment later either way.
    if (socket.writable) socket.end(line);
    setTimeout(() => socket.destroy(), 1000).unref();
  }
}
