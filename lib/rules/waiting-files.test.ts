import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { waitingHint } from "./waiting-files";

const FI = "FI.DMFA.300003.20260106.1.R.1.1";

describe("hints for files waiting in IN (issue 15)", () => {
  it("says nothing about a well-named file in its environment's folder, FS and GO included", () => {
    assert.equal(waitingHint(FI, "IN"), null);
    assert.equal(waitingHint("FS.DMFA.300003.20260106.1.R.1.1", "IN"), null);
    assert.equal(waitingHint("FI.DMFA.300003.20260106.1.T.1.1", "INTEST"), null);
    assert.equal(waitingHint("FI.DMFA.300003.20260106.1.S.1.1", "INTEST-S"), null);
  });
  it("names the folder a file of another environment belongs in", () => {
    assert.deepEqual(waitingHint("FI.DMFA.300003.20260106.1.T.1.1", "IN"), { code: "waiting.wrong-folder", params: { folder: "INTEST" } });
    assert.deepEqual(waitingHint(FI, "INTEST-S"), { code: "waiting.wrong-folder", params: { folder: "IN" } });
  });
  it("spots lower-case names and extra suffixes, which can never match a GO", () => {
    assert.deepEqual(waitingHint(FI.toLowerCase(), "IN"), { code: "waiting.lowercase" });
    assert.deepEqual(waitingHint(`fi.${FI.slice(3)}`, "IN"), { code: "waiting.lowercase" });
    assert.deepEqual(waitingHint(`${FI}.txt`, "IN"), { code: "waiting.suffix", params: { suffix: ".txt" } });
    assert.deepEqual(waitingHint(`${FI}.XML`, "IN"), { code: "waiting.suffix", params: { suffix: ".XML" } });
  });
  it("tells an upload under a temporary name and a file that is no batch name at all", () => {
    assert.deepEqual(waitingHint(`${FI}.filepart`, "IN"), { code: "waiting.uploading" });
    assert.deepEqual(waitingHint("notes.txt", "IN"), { code: "waiting.not-a-batch-name" });
    assert.deepEqual(waitingHint(`${FI}.1`, "IN"), { code: "waiting.not-a-batch-name" });
  });
});
