// Issue 15 leftover: the words an ended SFTP session hears — the sender's language, else English, ASCII.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sessionEndedText } from "./session-ended";

test("says why a session ended in the contact language, English when it is not known, in plain ASCII", () => {
  assert.equal(sessionEndedText("account-deleted", "nl"), "Account verwijderd: verbinding gesloten");
  assert.equal(sessionEndedText("account-deleted", null), "Account deleted: connection closed");
  for (const language of ["fr", "nl", "en", "de", null] as const) {
    for (const why of ["account-deleted", "account-gone"] as const) {
      const text = sessionEndedText(why, language);
      assert.match(text, /^[\x20-\x7e]+$/, `${why} ${language}: OpenSSH escapes other bytes`);
    }
  }
  assert.notEqual(sessionEndedText("account-deleted", "fr"), sessionEndedText("account-deleted", "en"));
});
