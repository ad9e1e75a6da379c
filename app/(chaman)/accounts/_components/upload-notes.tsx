"use client";

import { useTranslations } from "next-intl";
import type { Problem } from "@/lib/actions/form-state";

/** After a save: what was tidied away to read the uploaded key or certificate (issue 12). */
export function UploadNotes({ notes }: { notes: Problem[] }) {
  const t = useTranslations();
  if (notes.length === 0) return null;
  return (
    <div role="status" className="mt-3 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950">
      <p className="font-medium">{t("uploads.accepted-with-notes")}</p>
      <ul className="mt-1 list-disc pl-5">
        {notes.map((note) => (
          <li key={note.key}>{t(note.key, note.params)}</li>
        ))}
      </ul>
    </div>
  );
}
