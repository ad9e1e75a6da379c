import assert from "node:assert/strict";
import { test } from "node:test";
import { csvCell, toCsv } from "./csv";

test("plain values are written as they are", () => {
  assert.equal(csvCell("account.create"), "account.create");
  assert.equal(csvCell(42), "42");
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(new Date("2026-01-02T03:04:05.000Z")), "2026-01-02T03:04:05.000Z");
});

test("quotes, separators and line breaks are quoted (RFC 4180)", () => {
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell("a,b"), '"a,b"');
  assert.equal(csvCell("a\nb"), '"a\nb"');
  assert.equal(csvCell({ name: "x" }), '"{""name"":""x""}"');
});

test("issue 6: a value that starts like a formula cannot run in a spreadsheet", () => {
  assert.equal(csvCell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  assert.equal(csvCell("+32 486"), "'+32 486");
  assert.equal(csvCell("-1"), "'-1");
  assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
});

test("a whole file has a header row and CRLF line ends", () => {
  assert.equal(toCsv(["a", "b"], [[1, "x"]]), "a,b\r\n1,x\r\n");
});
