import "server-only";
import { transferConfig } from "./config";
import { scheduleInExpiry } from "./expiry";
import { startFtpServer } from "./ftp-server";
import { loadOrCreateHostKey } from "./host-key";
import { startSftpServer, type RunningServer } from "./sftp-server";

export type ServerKind = "sftp" | "ftp";

/** Parses `sftp`, `ftp`, `all` or a comma list (`sftp,ftp`); unknown words are an error. */
export function parseServerKinds(value: string): ServerKind[] | null {
  const words = value.split(",").map((w) => w.trim().toLowerCase()).filter(Boolean);
  const kinds = new Set<ServerKind>();
  for (const word of words) {
    if (word === "all") ["sftp", "ftp"].forEach((k) => kinds.add(k as ServerKind));
    else if (word === "sftp" || word === "ftp") kinds.add(word);
    else return null;
  }
  return kinds.size > 0 ? [...kinds] : null;
}

/**
 * Starts the batch servers (issue 15) with the configuration of lib/transfer/config.ts, on the
 * database of this process (getDbHandle: PostgreSQL, or PGlite through its owner process).
 */
export async function startTransferServers(kinds: ServerKind[]): Promise<{ close(): Promise<void> }> {
  const config = transferConfig();
  const running: RunningServer[] = [];
  if (kinds.includes("sftp")) {
    const hostKey = await loadOrCreateHostKey(config.hostKeyPath);
    const server = await startSftpServer({ host: config.host, port: config.sftpPort, hostKey: hostKey.privateKey });
    running.push(server);
    console.info(`[chaman] SFTP on ${config.host}:${server.port}, host key ${hostKey.fingerprint}`);
  }
  if (kinds.includes("ftp")) {
    const server = await startFtpServer({
      host: config.host,
      port: config.ftpPort,
      pasv: { min: config.pasvMin, max: config.pasvMax, address: config.pasvAddress },
      ...(config.tlsCert && config.tlsKey ? { tls: { certFile: config.tlsCert, keyFile: config.tlsKey } } : {}),
    });
    running.push(server);
    console.info(`[chaman] FTP on ${config.host}:${server.port}${config.tlsCert ? " (AUTH TLS)" : ""}, passive ${config.pasvMin}-${config.pasvMax}`);
  }
  // Stale IN files expire in every process that serves senders (deletion decides who journals).
  const stopExpiry = scheduleInExpiry();
  return {
    close: async () => {
      stopExpiry();
      await Promise.all(running.map((s) => s.close()));
    },
  };
}
