// CSV for the journal export (issue 6, hardened in issue 19). Belgian Excel splits on ";" (the list
// separator of the fr-BE and nl-BE regional settings), so the file is ";"-separated with a UTF-8 byte
// order mark (without it Excel reads UTF-8 as Windows-1252).
//
// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell starting with = + - @ tab or CR.
// Every cell is quoted (RFC 4180) and a ' is put before any such character that starts the value OR
// follows a ";" or "," or a line break inside it (optionally after spaces): a reader that splits on the
// other separator, or ignores the quotes, still never sees a cell that starts like a formula.

/** The separator of the export and the byte order mark that makes Excel read the file as UTF-8. */
export const csvDelimiter = ";";
export const utf8Bom = "\uFEFF";

const formulaAfterBoundary = /(^|[;,\r\n])([ \u00a0]*)(?=[=+\-@\t\r])/g;

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * One cell: the value as text (dates in ISO 8601, objects as JSON), formula starts neutralised with a
 * leading ', always between double quotes with inner quotes doubled (RFC 4180 §2.5–2.7).
 */
export function csvCell(value: unknown): string {
  const safe = text(value).replace(formulaAfterBoundary, "$1$2'");
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A whole file: BOM, header row, rows; cells separated by ";", lines ended by CRLF (RFC 4180 §2.1). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return utf8Bom + [header, ...rows].map((row) => row.map(csvCell).join(csvDelimiter)).join("\r\n") + "\r\n";
}
