import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import { csvCell, toCsv, utf8Bom } from "./csv";

const formulaStart = /^[=+\-@\t\r]/;

test("plain values are quoted as they are", () => {
  assert.equal(csvCell("account.create"), '"account.create"');
  assert.equal(csvCell(42), '"42"');
  assert.equal(csvCell(null), '""');
  assert.equal(csvCell(new Date("2026-01-02T03:04:05.000Z")), '"2026-01-02T03:04:05.000Z"');
});

test("quotes inside a value are doubled (RFC 4180)", () => {
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell({ name: "x" }), '"{""name"":""x""}"');
});

test("a value that starts like a formula cannot run in a spreadsheet", () => {
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell("+32 486"), `"'+32 486"`);
  assert.equal(csvCell("-1"), `"'-1"`);
  assert.equal(csvCell("@SUM(A1)"), `"'@SUM(A1)"`);
  assert.equal(csvCell("\t=1"), `"'\t=1"`);
});

test("issue 19: a formula after a ; or , inside a value is neutralised too", () => {
  assert.equal(csvCell("Compte;=2*21;"), `"Compte;'=2*21;"`);
  assert.equal(csvCell("a, +1"), `"a, '+1"`);
  assert.equal(csvCell("line\n@cmd"), `"line\n'@cmd"`);
});

const hostile = [
  "Compte;=2*21;", "x,=1+1", "=cmd|' /C calc'!A0", "a;b,c", 'q"u;"=o', "@A1", "-2+3", "+3", "\t=tab", "\r=cr", "ok; \u00a0=x",
  "line\r\n=next", "Vélo ; 😀", "", "ordinary",
];

function rowsWith(delimiter: string, csv: string, quote: string | false): string[][] {
  return parse(csv.replace(utf8Bom, ""), { delimiter, quote: quote === false ? false : quote, relax_column_count: true, relax_quotes: true, bom: true }) as string[][];
}

test("issue 19: read back with ; (Belgian Excel) every value comes back whole, none starts like a formula", () => {
  const csv = toCsv(["value", "n"], hostile.map((v, i) => [v, i]));
  assert.ok(csv.startsWith(utf8Bom), "UTF-8 byte order mark for Excel");
  const rows = rowsWith(";", csv, '"');
  assert.deepEqual(rows[0], ["value", "n"]);
  assert.equal(rows.length, hostile.length + 1);
  rows.slice(1).forEach((row, i) => {
    assert.equal(row.length, 2, `row ${i} keeps its two columns`);
    assert.equal(row[0]?.replace(/'/g, ""), hostile[i]?.replace(/'/g, ""), "the value is all there, with ' added");
    for (const cell of row) assert.doesNotMatch(cell, formulaStart);
  });
});

test("issue 19: read back with , or with the quotes ignored, no cell starts like a formula either", () => {
  const csv = toCsv(["value"], hostile.map((v) => [v]));
  for (const [delimiter, quote] of [[",", '"'], [";", false], [",", false]] as const) {
    for (const row of rowsWith(delimiter, csv, quote)) {
      for (const raw of row) {
        const cell = quote === false ? raw.replace(/^"/, "") : raw;
        assert.doesNotMatch(cell.trimStart(), formulaStart, `${delimiter} ${String(quote)}: ${JSON.stringify(cell)}`);
      }
    }
  }
});

test("a whole file: BOM, header row, ; between quoted cells, CRLF line ends", () => {
  assert.equal(toCsv(["a", "b"], [[1, "x"]]), `${utf8Bom}"a";"b"\r\n"1";"x"\r\n`);
});
