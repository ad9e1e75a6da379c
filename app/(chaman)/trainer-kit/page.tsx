import { getTranslations } from "next-intl/server";
import { tableHeaderCell } from "@/components/ui/table";
import { iconButton } from "@/components/ui/buttons";
import { trainerSamples, type Verdict } from "@/lib/channels/trainer-kit";
import { requireSenderWithContact } from "@/lib/contact/guard";
import { CHANNELS } from "@/lib/rules/certificate";
import { DownloadIcon } from "../accounts/_components/icons";

// « Certificats de démonstration »: sample files for every accepted and refused case (SPEC §4.3, §4.4).
export default async function TrainerKitPage() {
  const { db } = await requireSenderWithContact();
  const t = await getTranslations("trainer");
  const samples = await trainerSamples(db);
  const th = tableHeaderCell;
  const td = "border-b border-slate-200 px-2 py-2 align-top text-sm";
  const verdict = (v: Verdict) =>
    v === "ok" ? <span className="font-semibold text-green-800">{t("accepted")}</span> : <span className="text-red-800">{t("refused", { code: v })}</span>;
  const download = (id: string) => (
    <a href={`/trainer-kit/files/${encodeURIComponent(id)}`} download={id} className={iconButton} aria-label={t("download", { file: id })} title={t("download", { file: id })}>
      <DownloadIcon />
    </a>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {!samples ? (
        <p className="rounded-lg bg-white p-6 shadow">{t("unavailable")}</p>
      ) : (
        <>
          <p>{t("intro")}</p>
          <section aria-labelledby="kit-certs" className="overflow-x-auto rounded-lg bg-white p-6 shadow">
            <h2 id="kit-certs" className="text-lg font-semibold">{t("certificates")}</h2>
            <table className="mt-3 w-full">
              <thead>
                <tr>
                  <th scope="col" className={th}>{t("file")}</th>
                  <th scope="col" className={th}>{t("description")}</th>
                  {CHANNELS.map((c) => (
                    <th key={c} scope="col" className={th}>{c}</th>
                  ))}
                  <th scope="col" className={th}><span className="sr-only">{t("downloadColumn")}</span></th>
                </tr>
              </thead>
              <tbody>
                {samples.filter((s) => s.group !== "ssh").map((s) => (
                  <tr key={s.id}>
                    <th scope="row" className={`${td} break-all text-left font-mono font-normal`}>{s.id}</th>
                    <td className={td}>{t(`samples.${s.id.replace(/\./g, "_")}`)}</td>
                    {CHANNELS.map((c) => (
                      <td key={c} className={td}>{s.channels ? verdict(s.channels[c]) : t("notUploaded")}</td>
                    ))}
                    <td className={td}>{download(s.id)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="kit-ssh" className="overflow-x-auto rounded-lg bg-white p-6 shadow">
            <h2 id="kit-ssh" className="text-lg font-semibold">{t("sshKeys")}</h2>
            <table className="mt-3 w-full">
              <thead>
                <tr>
                  <th scope="col" className={th}>{t("file")}</th>
                  <th scope="col" className={th}>{t("description")}</th>
                  <th scope="col" className={th}>SFTP</th>
                  <th scope="col" className={th}><span className="sr-only">{t("downloadColumn")}</span></th>
                </tr>
              </thead>
              <tbody>
                {samples.filter((s) => s.group === "ssh").map((s) => (
                  <tr key={s.id}>
                    <th scope="row" className={`${td} break-all text-left font-mono font-normal`}>{s.id}</th>
                    <td className={td}>{t(`samples.${s.id.replace(/\./g, "_")}`)}</td>
                    <td className={td}>{s.ssh ? verdict(s.ssh) : null}</td>
                    <td className={td}>{download(s.id)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
