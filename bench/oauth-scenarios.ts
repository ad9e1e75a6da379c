// Issue 14 in the benchmark, requests: the token endpoint with a new client assertion per request and the FLA
// sample API with a bearer token. Each connection keeps one Client ID of its own (bench/oauth.ts seeds them).
import { createPrivateKey, randomUUID, sign, type KeyObject } from "node:crypto";
import type { SetupContext } from "./scenarios";

export const FLA_SCOPE = "scope:sigedis:gestion:careerpro-federal-learning-account:employer";

export interface OauthFixtures {
  clientIds: string[];
  privateKeyPem: string;
  /** The persona's enterprise number: the FLA employer. */
  employer: string;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");
const keys = new Map<string, KeyObject>();

/** A fresh RS256 client assertion (new jti) for `clientId`, as the token endpoint's form body. Synchronous. */
export function tokenRequestBody(audience: string, oauth: OauthFixtures, clientId: string): Buffer {
  let key = keys.get(oauth.privateKeyPem);
  if (!key) {
    key = createPrivateKey(oauth.privateKeyPem);
    keys.set(oauth.privateKeyPem, key);
  }
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64url(JSON.stringify({ alg: "RS256" }))}.${b64url(JSON.stringify({ iss: clientId, sub: clientId, aud: audience, exp: now + 300, iat: now, jti: randomUUID() }))}`;
  const assertion = `${input}.${b64url(sign("sha256", Buffer.from(input), key))}`;
  const form = new URLSearchParams({ grant_type: "client_credentials", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion, scope: FLA_SCOPE });
  return Buffer.from(form.toString());
}

/** The FLA declaration the bench writes once and then reads (seed 003 §7.3.1's example employee). */
export const BENCH_NISS = "65111899997";
export function flaPath(oauth: OauthFixtures): string {
  return `/api/fla/v1/employers/${oauth.employer}/employees/${BENCH_NISS}/calendarYears/${new Date().getUTCFullYear() - 1}/trainings`;
}

function oauthOf(ctx: SetupContext): OauthFixtures {
  if (!ctx.fixtures.oauth) throw new Error("the fixtures have no OAuth clients: seed again (bench/seed-scale.ts)");
  return ctx.fixtures.oauth;
}

/** The token endpoint the server announces (RFC 8414): the assertions' audience, whatever CHAMAN_PUBLIC_URL is. */
async function tokenEndpoint(origin: string): Promise<string> {
  const metadata = (await (await fetch(`${origin}/.well-known/oauth-authorization-server`)).json()) as { token_endpoint: string };
  return metadata.token_endpoint;
}

/** The token scenario's body: connection n uses Client ID n (modulo the seeded ones). */
export async function tokenFreshBody(ctx: SetupContext): Promise<{ headers: Record<string, string>; next: (connection: Record<string, string>) => Buffer }> {
  const oauth = oauthOf(ctx);
  const audience = await tokenEndpoint(ctx.origin);
  let connections = 0;
  return {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    next: (connection) => {
      connection.client ??= String(connections++ % oauth.clientIds.length);
      return tokenRequestBody(audience, oauth, oauth.clientIds[Number(connection.client)]!);
    },
  };
}

/** Gets a token with the last seeded Client ID, writes the declaration once, and returns the bearer header. */
export async function flaBearerHeaders(ctx: SetupContext): Promise<Record<string, string>> {
  const oauth = oauthOf(ctx);
  const clientId = oauth.clientIds[oauth.clientIds.length - 1]!;
  const response = await fetch(`${ctx.origin}/oauth/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: tokenRequestBody(await tokenEndpoint(ctx.origin), oauth, clientId).toString() });
  const { access_token: token } = (await response.json()) as { access_token?: string };
  if (!token) throw new Error(`no token for the FLA scenario (status ${response.status})`);
  const year = new Date().getUTCFullYear() - 1;
  const body = { trainings: [{ title: "Bench", startDate: `${year}-01-10`, endDate: `${year}-01-11`, hours: 8, formal: true }] };
  const put = await fetch(`${ctx.origin}${flaPath(oauth)}`, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  if (put.status !== 200 && put.status !== 201) throw new Error(`FLA PUT answered ${put.status}`);
  return { authorization: `Bearer ${token}` };
}
