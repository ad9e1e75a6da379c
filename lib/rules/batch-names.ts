/**
 * Batch file names and folders (SPEC §6, seed 000 §3–4, seed 001 §3–4). Pure.
 *
 *   FI|FS.<application>.<sender>.<YYYYMMDD>.<sequence>.<environment>.<parts>.<part>
 *   GO.<application>.<sender>.<YYYYMMDD>.<sequence>.<environment>.<parts>
 *
 * Environment `R` (production) → IN/OUT, `T` (test/simulation) → INTEST/OUTTEST,
 * `S` (DmfA declaration test) → INTEST-S/OUTTEST-S.
 */

export const IN_FOLDERS = ["IN", "INTEST", "INTEST-S"] as const;
export const OUT_FOLDERS = ["OUT", "OUTTEST", "OUTTEST-S"] as const;
/** The six folders every sender sees, in the order of the seeds. */
export const SENDER_FOLDERS = [...IN_FOLDERS, ...OUT_FOLDERS] as const;
export type InFolder = (typeof IN_FOLDERS)[number];
export type OutFolder = (typeof OUT_FOLDERS)[number];
export type SenderFolder = (typeof SENDER_FOLDERS)[number];
export type Environment = "R" | "T" | "S";

export const ENVIRONMENT_FOLDERS: Record<Environment, { in: InFolder; out: OutFolder }> = {
  R: { in: "IN", out: "OUT" },
  T: { in: "INTEST", out: "OUTTEST" },
  S: { in: "INTEST-S", out: "OUTTEST-S" },
};

/** The key of one declaration: what FI, FS, GO and the answer share. */
export interface DeclarationKey {
  application: string;
  sender: string;
  date: string;
  sequence: string;
  environment: Environment;
  parts: number;
}

export type BatchFileName =
  | ({ kind: "FI" | "FS"; part: number } & DeclarationKey)
  | ({ kind: "GO" } & DeclarationKey);

// Application codes are data (permission catalogue); the name only constrains their shape, which the
// catalogue's editor checks too (lib/rules/catalogue-codes.ts).
export const APPLICATION_CODE_SOURCE = "[A-Z0-9]{1,20}";
const PATTERN = new RegExp(`^(FI|FS|GO)\\.(${APPLICATION_CODE_SOURCE})\\.(\\d{6})\\.(\\d{8})\\.(\\d{1,10})\\.([RTS])\\.(\\d{1,4})(?:\\.(\\d{1,4}))?$`);

function validDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Parses a batch file name. Returns null when the name is not an FI/FS/GO name (other files are
 * kept but never processed). Application codes are compared upper-case as the seeds write them.
 */
export function parseBatchFileName(name: string): BatchFileName | null {
  const m = PATTERN.exec(name);
  if (!m) return null;
  const [, kind, application, sender, date, sequence, environment, partsText, partText] = m;
  if (!kind || !application || !sender || !date || !sequence || !environment || !partsText) return null;
  if (!validDate(date)) return null;
  const parts = Number(partsText);
  if (parts < 1) return null;
  const key: DeclarationKey = { application, sender, date, sequence, environment: environment as Environment, parts };
  if (kind === "GO") return partText === undefined ? { kind, ...key } : null;
  if (partText === undefined) return null;
  const part = Number(partText);
  if (part < 1) return null;
  return { kind: kind as "FI" | "FS", part, ...key };
}

/** `<application>.<sender>.<date>.<sequence>.<environment>`: the part of the names that names a declaration. */
export function declarationStem(key: Omit<DeclarationKey, "parts">): string {
  return `${key.application}.${key.sender}.${key.date}.${key.sequence}.${key.environment}`;
}

export function partFileName(kind: "FI" | "FS", key: DeclarationKey, part: number): string {
  return `${kind}.${declarationStem(key)}.${key.parts}.${part}`;
}

/** The acknowledgement of an accepted declaration (seed 000 §4.2: « ACRF »). */
export function acknowledgementFileName(key: Omit<DeclarationKey, "parts">): string {
  return `ACRF.${declarationStem(key)}`;
}

/** The refusal notification of a refused declaration (format in docs/TRANSFER.md). */
export function refusalFileName(key: Omit<DeclarationKey, "parts">): string {
  return `NOTIF.${declarationStem(key)}`;
}

export function isInFolder(folder: string): folder is InFolder {
  return (IN_FOLDERS as readonly string[]).includes(folder);
}

export function isOutFolder(folder: string): folder is OutFolder {
  return (OUT_FOLDERS as readonly string[]).includes(folder);
}

/** Why a GO file name is not a valid GO name (seed 000 §3.2), one problem per entry. */
export type GoNameProblem =
  | { code: "go-name.field-count"; params: { found: number; expected: number } }
  | { code: "go-name.prefix"; params: { value: string } }
  | { code: "go-name.application"; params: { value: string } }
  | { code: "go-name.sender"; params: { value: string } }
  | { code: "go-name.date"; params: { value: string } }
  | { code: "go-name.sequence"; params: { value: string } }
  | { code: "go-name.environment"; params: { value: string } }
  | { code: "go-name.parts"; params: { value: string } };

/** A name meant as a GO file: it starts with `GO.` in any case (`go.x`, `Go.x` are GO files gone wrong). */
export function looksLikeGoName(name: string): boolean {
  return /^go\./i.test(name);
}

/**
 * The problems of a name that looks like a GO name but does not parse (empty when it parses).
 * Checks the number of fields first (7: GO, application, sender, date, sequence, environment, parts),
 * then each field, so the sender learns every mistake at once.
 */
export function goNameProblems(name: string): GoNameProblem[] {
  const parsed = parseBatchFileName(name);
  if (parsed?.kind === "GO") return [];
  const fields = name.split(".");
  if (fields.length !== 7) return [{ code: "go-name.field-count", params: { found: fields.length, expected: 7 } }];
  const [kind, application = "", sender = "", date = "", sequence = "", environment = "", parts = ""] = fields;
  const problems: GoNameProblem[] = [];
  if (kind !== "GO") problems.push({ code: "go-name.prefix", params: { value: kind ?? "" } });
  if (!/^[A-Z0-9]{1,20}$/.test(application)) problems.push({ code: "go-name.application", params: { value: application } });
  if (!/^\d{6}$/.test(sender)) problems.push({ code: "go-name.sender", params: { value: sender } });
  if (!/^\d{8}$/.test(date) || !validDate(date)) problems.push({ code: "go-name.date", params: { value: date } });
  if (!/^\d{1,10}$/.test(sequence)) problems.push({ code: "go-name.sequence", params: { value: sequence } });
  if (!/^[RTS]$/.test(environment)) problems.push({ code: "go-name.environment", params: { value: environment } });
  if (!/^\d{1,4}$/.test(parts) || Number(parts) < 1) problems.push({ code: "go-name.parts", params: { value: parts } });
  return problems;
}

/** Environment served by an IN folder (a GO whose name cannot say is shown under its folder's). */
export function environmentOfFolder(folder: InFolder): Environment {
  return folder === "IN" ? "R" : folder === "INTEST" ? "T" : "S";
}

/**
 * The refusal of a GO that could not be processed as such (name malformed, declaration already
 * answered): `NOTIF.<GO file name>.<answer id>`. The GO's own name keeps two different bad GOs
 * apart, the answer id keeps two uploads of the same GO apart; neither can collide with
 * `NOTIF.<stem>` (a stem never starts with `GO.`).
 */
export function goRefusalFileName(goFileName: string, answerId: string): string {
  // File names stop at 200 characters (lib/transfer/paths.ts): the GO's name is shortened if need be.
  return `NOTIF.${goFileName.slice(0, 200 - "NOTIF.".length - 1 - answerId.length)}.${answerId}`;
}
