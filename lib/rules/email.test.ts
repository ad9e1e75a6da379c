import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { checkEmail } from './email';
import { formatRuleMessage } from './messages';

// Issue 13: « Adresse email » refusals say what is wrong; SPEC §2.

const code = (value: string) => {
  const result = checkEmail(value);
  return result.ok ? 'ok' : `${result.code}${typeof result.params.reason === 'string' ? `:${result.params.reason}` : ''}`;
};

test('each kind of mistake gets its own code', () => {
  assert.equal(code('claire.dupont@boulangerie-dupont.be'), 'ok');
  assert.equal(code("o'brien+chaman@example.co.uk"), 'ok');
  assert.equal(code('claire dupont@example.be'), 'email.spaces');
  assert.equal(code('claire.example.be'), 'email.at-sign');
  assert.equal(code('a@b@example.be'), 'email.at-sign');
  assert.equal(code('@example.be'), 'email.local-part:empty');
  assert.equal(code(`${'a'.repeat(65)}@example.be`), 'email.local-part:tooLong');
  assert.equal(code('clé@example.be'), 'email.local-part:characters');
  assert.equal(code('claire..dupont@example.be'), 'email.local-part:dots');
  assert.equal(code('.claire@example.be'), 'email.local-part:dots');
  assert.equal(code('claire@'), 'email.domain:empty');
  assert.equal(code('claire@example'), 'email.domain:noDot');
  assert.equal(code('claire@exa_mple.be'), 'email.domain:label');
  assert.equal(code('claire@example..be'), 'email.domain:label');
  assert.equal(code('claire@-example.be'), 'email.domain:label');
  assert.equal(code('claire@example.b'), 'email.domain:topLevel');
  assert.equal(code('claire@example.123'), 'email.domain:topLevel');
});

test('accepts exactly what z.email() accepted before (no address newly refused or let through)', () => {
  const samples = [
    'a@b.be', 'A.B-C_D+e@sub.example-x.museum', "x'y@ex.be", 'x.@ex.be', 'x-@ex.be', "x'@ex.be", 'x@ex-.be', 'x@ex.b1',
    'x@1ex.be', 'x@ex.be.', 'x@.ex.be', 'é@ex.be', 'x@ex.bé', 'x@@ex.be', '"x"@ex.be', 'x@[127.0.0.1]', 'x@ex.be ', ' x@ex.be',
  ];
  const zod = z.email();
  for (const sample of samples) assert.equal(checkEmail(sample).ok, zod.safeParse(sample.trim()).success, sample);
});

test('the message names the address and what is wrong, in the four languages', () => {
  const refused = checkEmail('claire@example');
  assert.equal(refused.ok, false);
  if (refused.ok) return;
  assert.equal(formatRuleMessage(refused.code, refused.params, 'fr'), 'L’adresse email « claire@example » : le domaine « example » doit contenir un point, comme entreprise.be.');
  assert.match(formatRuleMessage(refused.code, refused.params, 'en'), /“example” must contain a dot/);
  const at = checkEmail('claire.example.be');
  if (at.ok) return assert.fail();
  assert.match(formatRuleMessage(at.code, at.params, 'nl'), /bevat geen ‘@’/);
  assert.match(formatRuleMessage(at.code, at.params, 'de'), /enthält kein „@“/);
});
