// Test helper for the protocol tests (issue 15): the SFTP and FTP servers under test, on 127.0.0.1, each
// test file with its own range of passive FTP ports, all closed after the file's tests.
import { after } from "node:test";
import type { ConnectionLimits } from "../connection-guard";
import { startFtpServer } from "../ftp-server";
import type { HostKey } from "../host-key";
import { startSftpServer, type RunningServer } from "../sftp-server";

/**
 * Passive FTP ports `CHAMAN_TEST_PASV_MIN` (default 40150) + `offset`, `count` of them, on 127.0.0.1. Each
 * test file takes its own offset, so files run one after another never meet ports left in TIME_WAIT.
 */
export function testPasvRange(offset: number, count = 10): { min: number; max: number; address: string } {
  const min = Number(process.env.CHAMAN_TEST_PASV_MIN ?? 40150) + offset;
  return { min, max: min + count - 1, address: "127.0.0.1" };
}

export interface TestServers {
  /** SFTP on 127.0.0.1 (`port` 0: any free port) with the world's host key. */
  sftp(hostKey: HostKey | string, options?: { port?: number; limits?: Partial<ConnectionLimits>; maxHandles?: number }): Promise<RunningServer>;
  /** FTP on 127.0.0.1 with passive ports from testPasvRange(`pasvOffset`, `pasvCount`). */
  ftp(pasvOffset: number, options?: { port?: number; pasvCount?: number; limits?: Partial<ConnectionLimits>; tls?: { certFile: string; keyFile: string } }): Promise<RunningServer>;
}

/** Call in a `describe` (after withTransferWorld): every server started through it is closed after the tests. */
export function withTestServers(): TestServers {
  const running: RunningServer[] = [];
  after(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
  });
  const track = (server: RunningServer) => (running.push(server), server);
  return {
    async sftp(hostKey, options = {}) {
      const key = typeof hostKey === "string" ? hostKey : hostKey.privateKey;
      return track(await startSftpServer({ host: "127.0.0.1", port: options.port ?? 0, hostKey: key, limits: options.limits, maxHandles: options.maxHandles }));
    },
    async ftp(pasvOffset, options = {}) {
      const pasv = testPasvRange(pasvOffset, options.pasvCount);
      return track(await startFtpServer({ host: "127.0.0.1", port: options.port ?? 0, pasv, limits: options.limits, tls: options.tls }));
    },
  };
}
