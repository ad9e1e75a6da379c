/**
 * Client paths of the SFTP/FTP servers → one of the sender's six folders (SPEC §6, issue 15). Pure.
 *
 * Every sender is chrooted: `/` is its own root, holding only IN, INTEST, INTEST-S, OUT, OUTTEST and
 * OUTTEST-S. `..` stops at that root (as in a chroot), absolute paths start at it, and there are no
 * sub-folders or links, so no path can name anything outside the six folders.
 */
import { SENDER_FOLDERS, type SenderFolder } from "@/lib/rules/batch-names";

export type ResolvedPath =
  | { kind: "root"; path: "/" }
  | { kind: "folder"; folder: SenderFolder; path: string }
  | { kind: "file"; folder: SenderFolder; name: string; path: string }
  | { kind: "invalid"; path: string };

/** Longest file name kept (bytes of UTF-8 are not counted: names are ASCII in practice). */
export const MAX_NAME_LENGTH = 200;

/** A file name a sender may use: printable, no separators, no `.`/`..`. */
export function validFileName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || name === "." || name === "..") return false;
  // Control characters, both separators and the characters Windows forbids (files may be fetched there).
  return !/[\u0000-\u001f\u007f/\\:*?"<>|]/.test(name);
}

function asFolder(segment: string): SenderFolder | null {
  return (SENDER_FOLDERS as readonly string[]).includes(segment) ? (segment as SenderFolder) : null;
}

/**
 * Resolves `input` (absolute, or relative to `cwd`) against the sender's root.
 * @param cwd the session's current directory, itself a resolved path such as `/` or `/IN`
 */
export function resolveClientPath(cwd: string, input: string): ResolvedPath {
  const raw = input.startsWith("/") ? input : `${cwd}/${input}`;
  const stack: string[] = [];
  for (const segment of raw.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") stack.pop();
    else stack.push(segment);
  }
  const path = `/${stack.join("/")}`;
  if (stack.length === 0) return { kind: "root", path: "/" };
  const folder = asFolder(stack[0] ?? "");
  if (!folder || stack.length > 2) return { kind: "invalid", path };
  if (stack.length === 1) return { kind: "folder", folder, path };
  const name = stack[1] ?? "";
  if (!validFileName(name)) return { kind: "invalid", path };
  return { kind: "file", folder, name, path };
}
