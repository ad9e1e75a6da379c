import assert from "node:assert/strict";
import { test } from "node:test";
import { checkFlaDeclaration } from "./trainings";

// Issue 14 QA: a title with NUL or a lone surrogate made a failed query (HTTP 500); it is a 400 before any query.
const body = (title: string) => ({ trainings: [{ title, startDate: "2026-03-01", endDate: "2026-03-02", hours: 7.5, formal: true }] });

test("a training title with NUL or a lone surrogate is a 400, a plain title passes", () => {
  for (const title of ["Excel\u0000", "Excel\ud800"]) {
    const checked = checkFlaDeclaration(body(title), 2026);
    assert.ok(!checked.ok && checked.problem.status === 400 && checked.problem.detail.includes("trainings.0.title"), JSON.stringify(checked));
  }
  assert.equal(checkFlaDeclaration(body("Excel avancé"), 2026).ok, true);
});
