import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { acknowledgementFileName, goNameProblems, goRefusalFileName, looksLikeGoName, parseBatchFileName, partFileName } from "./batch-names";

describe("batch file names (SPEC §6, seed 000 §3)", () => {
  it("parses the seeds' examples", () => {
    assert.deepEqual(parseBatchFileName("FS.DMFA.101380.20100920.00001.T.1.1"), {
      kind: "FS", application: "DMFA", sender: "101380", date: "20100920", sequence: "00001", environment: "T", parts: 1, part: 1,
    });
    assert.deepEqual(parseBatchFileName("GO.DMFA.101380.20100920.00001.T.1"), {
      kind: "GO", application: "DMFA", sender: "101380", date: "20100920", sequence: "00001", environment: "T", parts: 1,
    });
  });

  it("refuses malformed names", () => {
    for (const name of [
      "GO.DMFA.101380.20100920.00001.T.1.1", // GO has no part number
      "FI.DMFA.101380.20100920.00001.T.1", // FI needs one
      "FI.DMFA.101380.20100931.00001.T.1.1", // no 31 September
      "FI.DMFA.10138.20100920.00001.T.1.1", // sender numbers have 6 digits
      "FI.DMFA.101380.20100920.00001.X.1.1", // environments R, T, S
      "FI.DMFA.101380.20100920.00001.R.0.1",
      "FI.DMFA.101380.20100920.00001.R.1.0",
      "XX.DMFA.101380.20100920.00001.R.1.1",
      "FI.DMFA.101380.20100920.00001.R.1.1.filepart",
    ]) {
      assert.equal(parseBatchFileName(name), null, name);
    }
  });

  it("builds part and answer names", () => {
    const key = { application: "DIMONA", sender: "300001", date: "20260105", sequence: "7", environment: "R" as const, parts: 2 };
    assert.equal(partFileName("FS", key, 2), "FS.DIMONA.300001.20260105.7.R.2.2");
    assert.equal(acknowledgementFileName(key), "ACRF.DIMONA.300001.20260105.7.R");
  });
});

describe("malformed GO names (issue 15)", () => {
  const codes = (name: string) => goNameProblems(name).map((p) => p.code);
  it("finds nothing wrong with a valid GO name", () => {
    assert.deepEqual(goNameProblems("GO.DMFA.101380.20100920.00001.T.1"), []);
  });
  it("names each problem of a malformed GO name", () => {
    assert.deepEqual(codes("GO.DMFA.101380.20100920.T.1"), ["go-name.field-count"]);
    assert.deepEqual(goNameProblems("GO.DMFA.101380.20100920.00001.T.1.1")[0]?.params, { found: 8, expected: 7 });
    assert.deepEqual(codes("GO.DMFA.101380.20100231.00001.T.1"), ["go-name.date"]);
    assert.deepEqual(codes("GO.DMFA.101380.20100920.00001.X.1"), ["go-name.environment"]);
    assert.deepEqual(codes("GO.DMFA.1013AB.2010092A.000B1.T.x"), ["go-name.sender", "go-name.date", "go-name.sequence", "go-name.parts"]);
    assert.deepEqual(codes("GO.dmfa.101380.20100920.00001.T.0"), ["go-name.application", "go-name.parts"]);
    assert.deepEqual(codes("go.DMFA.101380.20100920.00001.T.1"), ["go-name.prefix"]);
  });
  it("recognises GO-like names in any case, and nothing else", () => {
    assert.ok(looksLikeGoName("go.anything"));
    assert.ok(!looksLikeGoName("GOAL.txt"));
    assert.ok(!looksLikeGoName("FI.DMFA.101380.20100920.00001.T.1.1"));
  });
  it("derives refusal names that keep two GOs and two uploads apart, within 200 characters", () => {
    assert.notEqual(goRefusalFileName("GO.A.1", "aaaaaaaa"), goRefusalFileName("GO.A.2", "aaaaaaaa"));
    assert.notEqual(goRefusalFileName("GO.A.1", "aaaaaaaa"), goRefusalFileName("GO.A.1", "bbbbbbbb"));
    assert.ok(goRefusalFileName(`GO.${"X".repeat(196)}`, "aaaaaaaa").length <= 200);
    assert.ok(goRefusalFileName(`GO.${"X".repeat(196)}`, "aaaaaaaa").endsWith(".aaaaaaaa"));
  });
});
