import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveClientPath, validFileName } from "./paths";

describe("resolveClientPath (issue 15: chrooted six folders)", () => {
  it("resolves absolute and relative paths", () => {
    assert.deepEqual(resolveClientPath("/", "IN"), { kind: "folder", folder: "IN", path: "/IN" });
    assert.deepEqual(resolveClientPath("/IN", "FI.DMFA.300001.20260101.1.T.1.1"), {
      kind: "file",
      folder: "IN",
      name: "FI.DMFA.300001.20260101.1.T.1.1",
      path: "/IN/FI.DMFA.300001.20260101.1.T.1.1",
    });
    assert.deepEqual(resolveClientPath("/IN", "/OUT/x"), { kind: "file", folder: "OUT", name: "x", path: "/OUT/x" });
    assert.equal(resolveClientPath("/", ".").kind, "root");
  });

  it("stops `..` at the sender's root", () => {
    assert.deepEqual(resolveClientPath("/IN", "../../../etc/passwd"), { kind: "invalid", path: "/etc/passwd" });
    assert.deepEqual(resolveClientPath("/IN", "../.."), { kind: "root", path: "/" });
    assert.deepEqual(resolveClientPath("/OUT", "../../OUT/a"), { kind: "file", folder: "OUT", name: "a", path: "/OUT/a" });
  });

  it("refuses unknown folders, sub-folders and bad names", () => {
    assert.equal(resolveClientPath("/", "/tmp").kind, "invalid");
    assert.equal(resolveClientPath("/", "/in").kind, "invalid");
    assert.equal(resolveClientPath("/", "/IN/a/b").kind, "invalid");
    assert.equal(resolveClientPath("/", "/IN/a\\..\\b").kind, "invalid");
    assert.equal(resolveClientPath("/", "/IN/a\u0000b").kind, "invalid");
  });

  it("accepts WinSCP's temporary names", () => {
    assert.equal(validFileName("FI.DMFA.300001.20260101.1.T.1.1.filepart"), true);
    assert.equal(validFileName(".."), false);
    assert.equal(validFileName("x".repeat(201)), false);
  });
});
