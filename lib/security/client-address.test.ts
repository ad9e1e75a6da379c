import assert from "node:assert/strict";
import { test } from "node:test";
import { parseForwardedFor, parseIpAddress, parseTrustedProxies, pickClientAddress } from "./client-address";

test("valid addresses are kept in canonical form", () => {
  assert.equal(parseIpAddress(" 203.0.113.9 "), "203.0.113.9");
  assert.equal(parseIpAddress("203.0.113.9:51234"), "203.0.113.9");
  assert.equal(parseIpAddress("2001:DB8:0:0:0:0:0:1"), "2001:db8::1");
  assert.equal(parseIpAddress("[2001:db8::1]:443"), "2001:db8::1");
  assert.equal(parseIpAddress("::ffff:198.51.100.7"), "198.51.100.7");
  assert.equal(parseIpAddress("fe80::1%eth0"), "fe80::1");
  assert.equal(parseIpAddress("::1"), "::1");
});

test("anything that is not an IP address is refused (issue 19: `203.0.113.9;=3*14;` was stored)", () => {
  for (const bad of ["203.0.113.9;=3*14;", "=3*14", "local", "", "999.1.1.1", "1.2.3", "unknown", "1.2.3.4 5.6.7.8", "<script>", "1.2.3.4\u0000", "a".repeat(5000)]) {
    assert.equal(parseIpAddress(bad), null, JSON.stringify(bad.slice(0, 40)));
  }
});

test("X-Forwarded-For keeps positions, invalid entries as null, and a bounded length", () => {
  assert.deepEqual(parseForwardedFor("203.0.113.9;=3*14;, 198.51.100.1,10.0.0.1"), [null, "198.51.100.1", "10.0.0.1"]);
  assert.deepEqual(parseForwardedFor(null), []);
  assert.ok(parseForwardedFor("1.1.1.1,".repeat(10_000)).length <= 2048 / 8 + 1);
});

test("with no trusted proxy the socket's address is the client, whatever X-Forwarded-For says", () => {
  assert.equal(pickClientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: "203.0.113.9", trustedProxies: 0 }), "127.0.0.1");
  assert.equal(pickClientAddress({ peer: undefined, forwardedFor: "203.0.113.9", trustedProxies: 0 }), null);
});

test("behind one proxy the client is the last X-Forwarded-For entry; spoofed entries to its left are ignored", () => {
  const forwardedFor = "6.6.6.6, 203.0.113.9";
  assert.equal(pickClientAddress({ peer: "10.0.0.2", forwardedFor, trustedProxies: 1 }), "203.0.113.9");
  assert.equal(pickClientAddress({ peer: "10.0.0.2", forwardedFor: "198.51.100.1, 203.0.113.9, 10.0.0.3", trustedProxies: 2 }), "203.0.113.9");
});

test("the chosen entry must be an address: a proxy passing on junk yields no address, not the junk", () => {
  assert.equal(pickClientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.9;=3*14;", trustedProxies: 1 }), null);
});

test("a chain shorter than the proxies configured yields its leftmost entry", () => {
  assert.equal(pickClientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.9", trustedProxies: 5 }), "203.0.113.9");
  assert.equal(pickClientAddress({ peer: "10.0.0.2", forwardedFor: null, trustedProxies: 2 }), "10.0.0.2");
});

test("CHAMAN_TRUSTED_PROXIES is a whole number from 0 to 10, 0 when unset", () => {
  assert.deepEqual(parseTrustedProxies(undefined), { ok: true, value: 0 });
  assert.deepEqual(parseTrustedProxies("2"), { ok: true, value: 2 });
  for (const bad of ["-1", "1.5", "yes", "11", "true"]) assert.deepEqual(parseTrustedProxies(bad), { ok: false }, bad);
});
