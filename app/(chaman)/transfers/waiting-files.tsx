import { getTranslations } from "next-intl/server";
import { tableCell, tableHeaderCell } from "@/components/ui/table";
import { IN_FOLDERS, type InFolder } from "@/lib/rules/batch-names";
import type { WaitingFile } from "@/lib/transfer/queries";

/**
 * « Fichiers en attente d'un GO » (issue 15): what sits in the IN folders with no GO yet, with a hint
 * when the name can never match one (lib/rules/waiting-files.ts), so a sender is not left guessing.
 */
export async function WaitingFiles({ files, format, FileName }: { files: Record<InFolder, WaitingFile[]>; format: (date: Date) => string; FileName: (props: { name: string }) => React.ReactNode }) {
  const t = await getTranslations("transfer-waiting");
  const th = tableHeaderCell;
  const td = tableCell;
  return (
    <section aria-labelledby="waiting-files" className="overflow-x-auto rounded-lg bg-white p-6 shadow">
      <h2 id="waiting-files" className="text-lg font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm">{t("intro")}</p>
      {IN_FOLDERS.map((folder) => (
        <div key={folder} className="mt-4">
          <h3 className="font-mono font-semibold">{folder}</h3>
          {files[folder].length === 0 ? (
            <p className="mt-1 text-sm">{t("none", { folder })}</p>
          ) : (
            <table className="mt-2 w-full">
              <thead>
                <tr>
                  <th scope="col" className={th}>{t("columns.file")}</th>
                  <th scope="col" className={th}>{t("columns.size")}</th>
                  <th scope="col" className={th}>{t("columns.receivedAt")}</th>
                  <th scope="col" className={th}>{t("columns.hint")}</th>
                </tr>
              </thead>
              <tbody>
                {files[folder].map((f) => (
                  <tr key={f.name}>
                    <th scope="row" className={`${td} text-left font-mono font-normal`}><FileName name={f.name} /></th>
                    <td className={`${td} whitespace-nowrap`}>{t("bytes", { size: f.size })}</td>
                    <td className={`${td} whitespace-nowrap`}>{format(f.modifiedAt)}</td>
                    <td className={td}>
                      {f.hint ? (
                        <span className="text-amber-900">{t(`hints.${f.hint.code.slice("waiting.".length)}`, "params" in f.hint ? f.hint.params : {})}</span>
                      ) : (
                        t("waitsForGo")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
