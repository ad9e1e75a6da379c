import { getLocale, getTranslations } from "next-intl/server";
import { tableCell, tableHeaderCell } from "@/components/ui/table";
import { journalTimeFormat } from "@/lib/audit/brussels";
import { requireSenderWithContact } from "@/lib/contact/guard";
import { OUT_FOLDERS, type Environment } from "@/lib/rules/batch-names";
import { listDeclarations, listOutFiles, listWaitingFiles } from "@/lib/transfer/queries";
import { asLanguage, reasonText } from "@/lib/transfer/reasons";
import { WaitingFiles } from "./waiting-files";

const ENVIRONMENTS: Environment[] = ["R", "T", "S"];

/** A batch file name that may wrap after its dots (DMFA.<wbr>300003.<wbr>…), never inside a number. */
function FileName({ name }: { name: string }) {
  const parts = name.split(/(?<=[./])/);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 ? <wbr /> : null}
        </span>
      ))}
    </>
  );
}

// « Transferts » (issue 15): the sender's declarations per environment with their verdict and reasons,
// the files in IN that no GO has closed yet, and the files waiting in its OUT folders. Read-only; Chaman access for the acting sender.
export default async function TransfersPage() {
  const { senderId, db } = await requireSenderWithContact();
  const t = await getTranslations("transfer");
  const language = asLanguage(await getLocale());
  // Day first in every language (en-BE, not the US order), Brussels time, as on the journal.
  const dateTime = journalTimeFormat(language);
  const [declarations, outFiles, waitingFiles] = await Promise.all([listDeclarations(db, senderId), listOutFiles(senderId), listWaitingFiles(senderId)]);
  const th = tableHeaderCell;
  const td = tableCell;
  // Below 640 px the declarations table stacks: one block per declaration, each value under its column's
  // name, so the state is seen at 390 px without scrolling sideways.
  const stackTd = "max-sm:block max-sm:border-0 max-sm:py-1";
  const label = (key: string) => <span className="block text-xs font-semibold text-slate-600 sm:hidden">{t(`columns.${key}`)}</span>;
  const card = "overflow-x-auto rounded-lg bg-white p-6 shadow";
  const stateClass = { accepted: "font-semibold text-green-800", refused: "font-semibold text-red-800", processing: "text-slate-700" } as const;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {ENVIRONMENTS.map((environment) => {
        const rows = declarations.filter((d) => d.environment === environment);
        const id = `env-${environment}`;
        return (
          <section key={environment} aria-labelledby={id} className={card}>
            <h2 id={id} className="text-lg font-semibold">{t(`environments.${environment}`)}</h2>
            {rows.length === 0 ? (
              <p className="mt-2">{t("none")}</p>
            ) : (
              <table className="mt-3 w-full max-sm:block">
                <thead className="max-sm:sr-only">
                  <tr>
                    <th scope="col" className={th}>{t("columns.declaration")}</th>
                    <th scope="col" className={th}>{t("columns.channel")}</th>
                    <th scope="col" className={th}>{t("columns.receivedAt")}</th>
                    <th scope="col" className={th}>{t("columns.state")}</th>
                    <th scope="col" className={th}>{t("columns.reasons")}</th>
                    <th scope="col" className={th}>{t("columns.answer")}</th>
                  </tr>
                </thead>
                <tbody className="max-sm:block">
                  {rows.map((d) => (
                    <tr key={d.id} className="max-sm:block max-sm:border-b max-sm:border-slate-200 max-sm:py-2">
                      <th scope="row" className={`${td} ${stackTd} text-left font-mono font-normal`}><FileName name={d.stem} /></th>
                      <td className={`${td} ${stackTd}`}>{label("channel")}{d.channel}</td>
                      <td className={`${td} ${stackTd} whitespace-nowrap`}>{label("receivedAt")}{dateTime.format(d.receivedAt)}</td>
                      <td className={`${td} ${stackTd}`}>{label("state")}<span className={stateClass[d.state]}>{t(`states.${d.state}`)}</span></td>
                      <td className={`${td} ${stackTd}`}>
                        {d.reasons.length > 0 ? (
                          <ul className="list-disc pl-4">
                            {d.reasons.map((r, i) => (
                              <li key={i}>{reasonText(r, language)}</li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                      <td className={`${td} ${stackTd} font-mono`}>{d.answerPath ? <>{label("answer")}<FileName name={d.answerPath} /></> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
      <WaitingFiles files={waitingFiles} format={(date) => dateTime.format(date)} FileName={FileName} />
      <section aria-labelledby="out-files" className={card}>
        <h2 id="out-files" className="text-lg font-semibold">{t("outFiles")}</h2>
        {OUT_FOLDERS.map((folder) => (
          <div key={folder} className="mt-4">
            <h3 className="font-mono font-semibold">{folder}</h3>
            {outFiles[folder].length === 0 ? (
              <p className="mt-1 text-sm">{t("outNone", { folder })}</p>
            ) : (
              <table className="mt-2 w-full">
                <thead>
                  <tr>
                    <th scope="col" className={th}>{t("columns.file")}</th>
                    <th scope="col" className={th}>{t("columns.size")}</th>
                    <th scope="col" className={th}>{t("columns.modifiedAt")}</th>
                  </tr>
                </thead>
                <tbody>
                  {outFiles[folder].map((f) => (
                    <tr key={f.name}>
                      <th scope="row" className={`${td} text-left font-mono font-normal`}><FileName name={f.name} /></th>
                      <td className={td}>{t("bytes", { size: f.size })}</td>
                      <td className={`${td} whitespace-nowrap`}>{dateTime.format(f.modifiedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
      </section>
    </div>
  );
}
