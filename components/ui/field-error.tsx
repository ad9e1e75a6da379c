"use client";

import { useTranslations } from "next-intl";
import type { Problem } from "@/lib/actions/form-state";

// Over this length a refusal is an explanation (e.g. how to export a .cer from a .pfx), not a one-liner.
const LONG_MESSAGE = 160;
// Sentence ends: a period after a word, a closing quote or bracket, then a capital (FR/NL/EN/DE quotes included).
const SENTENCE_END = /(?<=[\p{Ll}\d»”“’)]\.)\s+(?=[\p{Lu}«„“‘])/u;

/** A message as read: short ones inline; a long one (issue 13) one sentence per line, in dark text on a light box. */
function MessageText({ text }: { text: string }) {
  if (text.length <= LONG_MESSAGE) return <>{text}</>;
  return (
    <>
      {text.split(SENTENCE_END).map((sentence, i) => (
        <span key={i} className="block [&:not(:first-child)]:mt-1">
          {/* The space between sentences stays in the text (copied, read aloud); a block's leading space is not drawn. */}
          {i > 0 ? " " : null}
          {sentence}
        </span>
      ))}
    </>
  );
}

/** The message of a refused field, referenced by the input's aria-describedby={`${id}-error`}. */
export function FieldError({ id, problem }: { id: string; problem: Problem | undefined }) {
  const t = useTranslations();
  if (!problem) return null;
  const text = t(problem.key, problem.params);
  const long = text.length > LONG_MESSAGE;
  return (
    <p
      id={`${id}-error`}
      className={long ? "mt-2 max-w-prose rounded border-l-4 border-red-700 bg-red-50 p-3 text-sm leading-relaxed text-slate-900" : "mt-1 text-sm text-red-700"}
    >
      <MessageText text={text} />
    </p>
  );
}

/** A refusal that concerns the whole form (e.g. "delete the existing FTP account first"). */
export function FormError({ problem }: { problem: Problem | undefined }) {
  const t = useTranslations();
  if (!problem) return null;
  return (
    <p role="alert" className="max-w-prose rounded border border-red-300 bg-red-50 p-3 text-sm leading-relaxed text-red-900">
      <MessageText text={t(problem.key, problem.params)} />
    </p>
  );
}
