import { environmentOfFolder, ENVIRONMENT_FOLDERS, parseBatchFileName, type InFolder } from "./batch-names";

/**
 * Why a file waiting in an IN folder may never be closed by a GO (issue 15, « Transferts »), so a
 * sender is not left guessing (seed 000 §3.2 for the names):
 * - `waiting.uploading`: a client's temporary name (WinSCP `.filepart`): still uploading, or abandoned;
 * - `waiting.lowercase`: the name would be a batch name in capitals (`fi.dmfa…`): names are case-sensitive;
 * - `waiting.suffix`: the name would be a batch name without its last suffix (`….1.1.txt`);
 * - `waiting.not-a-batch-name`: not an FI/FS/GO name at all: it is kept, never processed;
 * - `waiting.wrong-folder`: an FI/FS of another environment than the folder's: its GO here is refused.
 * Null: a well-named file that waits for its GO.
 */
export type WaitingHint =
  | { code: "waiting.uploading" }
  | { code: "waiting.lowercase" }
  | { code: "waiting.suffix"; params: { suffix: string } }
  | { code: "waiting.not-a-batch-name" }
  | { code: "waiting.wrong-folder"; params: { folder: InFolder } };

/** The hint for file `name` waiting in `folder`; null when nothing is wrong with it (pure). */
export function waitingHint(name: string, folder: InFolder): WaitingHint | null {
  if (/\.filepart$/i.test(name)) return { code: "waiting.uploading" };
  const parsed = parseBatchFileName(name);
  if (parsed) {
    if (parsed.environment !== environmentOfFolder(folder)) return { code: "waiting.wrong-folder", params: { folder: ENVIRONMENT_FOLDERS[parsed.environment].in } };
    return null;
  }
  if (parseBatchFileName(name.toUpperCase())) return { code: "waiting.lowercase" };
  const suffix = /\.([^.]*[^.\d][^.]*)$/.exec(name);
  if (suffix && parseBatchFileName(name.slice(0, suffix.index))) return { code: "waiting.suffix", params: { suffix: `.${suffix[1] ?? ""}` } };
  return { code: "waiting.not-a-batch-name" };
}
