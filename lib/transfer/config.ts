import path from "node:path";
import { dataDir } from "@/lib/db/client";

/**
 * Configuration of the batch servers (issue 15), from the environment:
 * - CHAMAN_TRANSFER_HOST: listen address of both servers (default 127.0.0.1);
 * - CHAMAN_SFTP_PORT (default 8022, seed 001 §4.1), CHAMAN_FTP_PORT (default 2121: 21 needs root);
 * - CHAMAN_SFTP_PUBLIC_HOST: host name shown to senders on the SFTP account page (default: the listen address);
 * - CHAMAN_SFTP_HOST_KEY: the SFTP host key file (default `<data folder>/sftp_host_ed25519_key`, made on first start);
 * - CHAMAN_FTP_PASV_MIN / CHAMAN_FTP_PASV_MAX: passive data ports (default 40000–40099);
 * - CHAMAN_FTP_PASV_ADDRESS: address announced in PASV replies (default: the listen address);
 * - CHAMAN_FTP_TLS_CERT / CHAMAN_FTP_TLS_KEY: PEM files; when both are set, FTP offers explicit TLS (AUTH TLS).
 */
export interface TransferConfig {
  host: string;
  sftpPort: number;
  ftpPort: number;
  publicHost: string;
  hostKeyPath: string;
  pasvMin: number;
  pasvMax: number;
  pasvAddress: string;
  tlsCert?: string;
  tlsKey?: string;
}

function port(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : fallback;
}

export function transferConfig(env: NodeJS.ProcessEnv = process.env): TransferConfig {
  const host = env.CHAMAN_TRANSFER_HOST || "127.0.0.1";
  return {
    host,
    sftpPort: port(env.CHAMAN_SFTP_PORT, 8022),
    ftpPort: port(env.CHAMAN_FTP_PORT, 2121),
    publicHost: env.CHAMAN_SFTP_PUBLIC_HOST || host,
    hostKeyPath: path.resolve(/*turbopackIgnore: true*/ env.CHAMAN_SFTP_HOST_KEY || path.join(dataDir(), "sftp_host_ed25519_key")),
    pasvMin: port(env.CHAMAN_FTP_PASV_MIN, 40000),
    pasvMax: port(env.CHAMAN_FTP_PASV_MAX, 40099),
    pasvAddress: env.CHAMAN_FTP_PASV_ADDRESS || host,
    ...(env.CHAMAN_FTP_TLS_CERT && env.CHAMAN_FTP_TLS_KEY ? { tlsCert: env.CHAMAN_FTP_TLS_CERT, tlsKey: env.CHAMAN_FTP_TLS_KEY } : {}),
  };
}
