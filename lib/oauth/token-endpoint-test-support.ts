// Shared setup of the token endpoint's integration tests (token-endpoint.int.test.ts: the assertion rules;
// token-endpoint-state.int.test.ts: replay, throttling, journal, caches, introspection, delegation). Call
// setUpTokenEndpointTests() at the top of the test file; `db` and `client` are live bindings set by its hooks.
import { after, before, beforeEach } from "node:test";
import type { Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed/demo";
import { useFreshDatabase } from "@/lib/db/test-db";
import { oauthUrls } from "./config";
import { createRestClient, makeAssertion, type TestClient } from "./test-support";
import { handleTokenRequest, type TokenOutcome } from "./token-endpoint";

export const urls = oauthUrls("https://chaman.example.test");
export const FLA_EMPLOYER = "scope:sigedis:gestion:careerpro-federal-learning-account:employer";
export let db: Db;
/** A new REST account of danny's (APK Recycling) for each test. */
export let client: TestClient;
let addressCounter = 0;

/** A fresh database with the demo world for the file, and a new account per test: the refusals of one test must not throttle the next one's Client ID. */
export function setUpTokenEndpointTests(): void {
  let dispose: (() => Promise<void>) | undefined;
  before(async () => {
    const handle = await useFreshDatabase();
    dispose = handle.dispose;
    db = handle.db;
    await seedDemo(db);
  });
  beforeEach(async () => {
    client = await createRestClient(db);
  });
  after(async () => dispose?.());
}

/** A new client address per request, so the per-address throttle never interferes with the rule being tested. */
export const token = (params: Map<string, string>, ip = `10.0.0.${++addressCounter}`) => handleTokenRequest(db, urls, { params, authorization: null, ip });
export const reasonOf = (outcome: TokenOutcome) => (outcome.ok ? "ok" : outcome.error.reason);
/** A correct assertion of `c` (this test's client by default), spoilt as `options` say. */
export const assertion = (options: Parameters<typeof makeAssertion>[3] = {}, c: TestClient = client) => makeAssertion(urls, c.clientId, c.cert.privateKeyPem, options);
