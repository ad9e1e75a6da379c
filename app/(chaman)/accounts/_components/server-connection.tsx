import { getTranslations } from "next-intl/server";
import { transferConfig } from "@/lib/transfer/config";
import { loadOrCreateHostKey } from "@/lib/transfer/host-key";

/**
 * What a sender types into its client (seed 001 §4.1): host, port, username and, for SFTP, the
 * SHA256 fingerprint of the server's host key so the first connection can be checked (issue 15).
 */
export async function ServerConnection({ type, username }: { type: "FTP" | "SFTP"; username: string }) {
  const t = await getTranslations("transfer.connection");
  const config = transferConfig();
  const hostKey = type === "SFTP" ? await loadOrCreateHostKey(config.hostKeyPath) : null;
  const dt = "text-sm font-semibold text-slate-600";
  return (
    <section aria-labelledby="connection-title" className="rounded-lg bg-white p-6 shadow">
      <h2 id="connection-title" className="text-lg font-semibold">{t("title", { type })}</h2>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2">
        <div>
          <dt className={dt}>{t("host")}</dt>
          <dd className="font-mono text-sm">{config.publicHost}</dd>
        </div>
        <div>
          <dt className={dt}>{t("port")}</dt>
          <dd className="font-mono text-sm">{type === "SFTP" ? config.sftpPort : config.ftpPort}</dd>
        </div>
        <div>
          <dt className={dt}>{t("username")}</dt>
          <dd className="font-mono text-sm">{username}</dd>
        </div>
        {hostKey ? (
          <div className="sm:col-span-2">
            <dt className={dt}>{t("hostKey")}</dt>
            <dd className="break-all font-mono text-sm" data-testid="host-key-fingerprint">{hostKey.fingerprint}</dd>
            <dd className="mt-1 text-sm text-slate-700">{t("hostKeyHint")}</dd>
          </div>
        ) : (
          <div>
            <dt className={dt}>{t("tls")}</dt>
            <dd className="text-sm">{config.tlsCert ? t("tlsOn") : t("tlsOff")}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
