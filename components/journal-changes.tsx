import type { RenderedChange } from "@/lib/audit/render";

/**
 * A journal event's changes as labelled « before → after » values (issue 13), shared by the enterprise
 * journal and the administration journal. Renders nothing when the event has no changes.
 */
export function JournalChanges({ changes }: { changes: readonly RenderedChange[] }) {
  if (changes.length === 0) return null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-1">
      {changes.map((change) => (
        <div key={change.label} className="contents">
          <dt className="font-medium">{change.label}</dt>
          <dd className="break-all">
            {change.before !== undefined ? <del className="text-slate-600">{change.before}</del> : null}
            {change.before !== undefined && change.after !== undefined ? <span aria-hidden="true"> → </span> : null}
            {change.after !== undefined ? <ins className="no-underline">{change.after}</ins> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
