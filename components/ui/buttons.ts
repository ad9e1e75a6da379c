// Class names shared by buttons across the app, so every screen looks like one application.
export const primaryButton =
  "inline-flex items-center gap-2 rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60";
export const secondaryButton =
  "inline-flex items-center gap-2 rounded border border-brand px-4 py-2 font-semibold text-brand hover:bg-brand-light disabled:opacity-60";
export const dangerButton =
  "inline-flex items-center gap-2 rounded bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60";
export const iconButton =
  "inline-flex h-9 w-9 items-center justify-center rounded text-brand hover:bg-brand-light";
export const inputClass =
  "mt-1 block w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-600";
