// Issue 15, connection hygiene of both servers: a socket that does not log in in time is destroyed
// (also before and during the SSH handshake), connections per address and in total are limited and
// refused with the protocol's words, and an SFTP session cannot hold unbounded handles.
import assert from "node:assert/strict";
import { connect, type Socket } from "node:net";
import { describe, it } from "node:test";
import ssh2 from "ssh2";
import type { RunningServer } from "./sftp-server";
import { lftpScript, waitFor } from "./testing/clients";
import { withTestServers } from "./testing/servers";
import { createSender, withTransferWorld, type TestSender } from "./testing/world";


interface Probe {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
  firstData: Promise<void>;
}

/** A raw TCP client that records what it gets and when the server closes the connection. */
function probe(port: number): Promise<Probe> {
  return new Promise((resolve, reject) => {
    let text = "";
    // Half-open allowed: our side stays open after the server's FIN, so only a server that really
    // closes (destroys) its socket gets its connection count back to zero.
    const socket = connect({ port, host: "127.0.0.1", allowHalfOpen: true });
    let gotData: () => void = () => undefined;
    const firstData = new Promise<void>((r) => (gotData = r));
    // Closed by the server: its FIN (end) or a reset (close).
    const closed = new Promise<void>((r) => (socket.once("end", () => r()), socket.once("close", () => r())));
    socket.on("data", (chunk: Buffer) => ((text += chunk.toString("latin1")), gotData()));
    socket.on("error", () => undefined);
    socket.once("connect", () => resolve({ socket, received: () => text, closed, firstData }));
    socket.once("error", reject);
  });
}

/** Fails the test if the server has not closed the socket within `ms` (the server's own timeout is much shorter). */
async function closedWithin(p: Probe, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms: ${JSON.stringify(p.received())}`)), ms)));
  try {
    await Promise.race([p.closed, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A connection the server accepted (its greeting came): bounded retries while the server frees earlier slots. */
async function accepted(port: number, greeting: RegExp): Promise<Probe> {
  for (let i = 0; i < 50; i++) {
    const p = await probe(port);
    await Promise.race([p.firstData, p.closed]);
    if (greeting.test(p.received())) return p;
    await p.closed;
  }
  throw new Error("the server never accepted a connection");
}

describe("connection hygiene of the batch servers (issue 15)", () => {
  let dir = "";
  let sftp: RunningServer;
  let limited: RunningServer;
  let ftp: RunningServer;
  let claire: TestSender;
  let ivan: TestSender;
  let hostKey = "";
  withTransferWorld(async (world) => {
    dir = world.dir;
    hostKey = world.hostKey.privateKey;
    // 1.5 s: short for the tests, long enough for a key login on a loaded CI machine on PostgreSQL.
    sftp = await servers.sftp(hostKey, { limits: { loginTimeoutMs: 1500, maxConnections: 50, maxConnectionsPerIp: 50 }, maxHandles: 3 });
    limited = await servers.sftp(hostKey, { limits: { loginTimeoutMs: 60_000, maxConnections: 3, maxConnectionsPerIp: 2 } });
    ftp = await servers.ftp(60, { limits: { loginTimeoutMs: 300, maxConnections: 50, maxConnectionsPerIp: 2 } });
    [claire, ivan] = await Promise.all([createSender(world.db, "claire", "SFTP", "EXPCLAIRECONN"), createSender(world.db, "ivan", "FTP", "EXPIVANCONN")]);
  });
  const servers = withTestServers();

  it("SFTP: destroys a socket that sends nothing, once the login timeout has passed", async () => {
    const p = await probe(sftp.port);
    await p.firstData;
    assert.match(p.received(), /^SSH-2\.0-ChamanMirror/);
    await closedWithin(p, 5000);
    await waitFor(() => sftp.openConnections() === 0, "the server's socket to be destroyed");
  });

  it("SFTP: destroys a socket whose handshake stopped after the version line (ssh2 knows it, end() would not close it)", async () => {
    const p = await probe(sftp.port);
    await p.firstData;
    p.socket.write("SSH-2.0-Stalled_1.0\r\n");
    await closedWithin(p, 5000);
    await waitFor(() => sftp.openConnections() === 0, "the server's socket to be destroyed");
  });

  it("SFTP: a logged-in session outlives the login timeout; a session holds at most its handle limit", async () => {
    const client = new ssh2.Client();
    await new Promise<void>((resolve, reject) => {
      // A connection closed before "ready" (e.g. by the login timeout) fails the test instead of hanging it.
      client.once("ready", () => resolve()).once("error", reject).once("close", () => reject(new Error("closed before the login completed")));
      client.connect({ host: "127.0.0.1", port: sftp.port, username: claire.username, privateKey: claire.ssh?.privateKeyOpenssh ?? "" });
    });
    try {
      const session = await new Promise<ssh2.SFTPWrapper>((resolve, reject) => client.sftp((error, s) => (error ? reject(error) : resolve(s))));
      const opendir = (path: string) => new Promise<Buffer>((resolve, reject) => session.opendir(path, (error, handle) => (error ? reject(error) : resolve(handle))));
      // Busy for well over the 1.5 s login timeout (bounded: 5000 requests at most).
      const started = Date.now();
      for (let i = 0; i < 5000 && Date.now() - started < 2500; i++) await new Promise<void>((resolve, reject) => session.stat("/IN", (error) => (error ? reject(error) : resolve())));
      assert.ok(Date.now() - started >= 2500, "the session stayed busy past the login timeout");
      const handles = [await opendir("/IN"), await opendir("/OUT"), await opendir("/INTEST")];
      await assert.rejects(opendir("/OUTTEST"), /Too many open handles \(at most 3\)/);
      await new Promise<void>((resolve, reject) => session.close(handles[0] ?? Buffer.alloc(0), (error) => (error ? reject(error) : resolve())));
      await opendir("/OUTTEST");
    } finally {
      client.end();
    }
  });

  it("SFTP: refuses connections over the per-address limit with a line before the version string, and takes new ones when a slot frees", async () => {
    const first = await probe(limited.port);
    const second = await probe(limited.port);
    await Promise.all([first.firstData, second.firstData]);
    const third = await probe(limited.port);
    await closedWithin(third, 5000);
    assert.equal(third.received(), "Too many connections from your address, try again later\r\n");
    first.socket.destroy();
    await waitFor(() => limited.openConnections() < 2, "a slot to free");
    const fourth = await accepted(limited.port, /^SSH-2\.0-ChamanMirror/);
    fourth.socket.destroy();
    second.socket.destroy();
    await waitFor(() => limited.openConnections() === 0, "the slots to free");
  });

  it("SFTP: OpenSSH's client is told the connection was closed when over the limit", async () => {
    const first = await accepted(limited.port, /^SSH-2\.0-/);
    const second = await accepted(limited.port, /^SSH-2\.0-/);
    const { run } = await import("./testing/world");
    const result = await run("ssh", ["-p", String(limited.port), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "nobody@127.0.0.1", "true"], { cwd: dir });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /Connection closed|Connection reset|Too many connections/);
    first.socket.destroy();
    second.socket.destroy();
    await waitFor(() => limited.openConnections() === 0, "the slots to free");
  });

  it("FTP: says 421 and closes a control connection that does not log in in time", async () => {
    const p = await probe(ftp.port);
    await closedWithin(p, 5000);
    assert.match(p.received(), /^220[- ]/);
    assert.match(p.received(), /421 Login timeout/);
    await waitFor(() => ftp.openConnections() === 0, "the server's socket to be destroyed");
  });

  it("FTP: refuses a third connection from the same address with 421; lftp logs in once a slot is free", async () => {
    const first = await accepted(ftp.port, /^220/);
    const second = await accepted(ftp.port, /^220/);
    const third = await probe(ftp.port);
    await closedWithin(third, 5000);
    assert.equal(third.received(), "421 Too many connections from your address, try again later.\r\n");
    const refused = await lftpScript(dir, ftp.port, ivan.username, ivan.password ?? "", ["ls"]);
    assert.notEqual(refused.code, 0);
    first.socket.destroy();
    second.socket.destroy();
    await waitFor(() => ftp.openConnections() === 0, "the slots to free");
    const result = await lftpScript(dir, ftp.port, ivan.username, ivan.password ?? "", ["cls -1 /"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /OUTTEST-S/);
  });
});
