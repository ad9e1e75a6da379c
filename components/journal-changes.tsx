import type { RenderedChange } from "@/lib/audit/render";

/**
 * What an event changed, as labelled values « before → after » (issue 13), for the enterprise journal and
 * the administrators' journal alike. Renders nothing when there is no change to show.
 */
export function JournalChanges({ changes }: { changes: RenderedChange[] }) {
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
