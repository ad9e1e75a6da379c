// Helpers for the OAuth tests (integration and end-to-end): a REST account with a certificate whose private key
// the test holds, and client assertions built with jose, correct by default and spoilt one claim at a time.
import { createPrivateKey, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { SignJWT, type JWTHeaderParameters } from "jose";
import { actorFor } from "@/lib/channels/test-support";
import { createAccount } from "@/lib/channels/accounts";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { createCertificate, type CreateCertificateOptions, type Issued } from "@/lib/pki/generate";
import type { OAuthUrls } from "./config";

export interface TestClient {
  accountId: string;
  clientId: string;
  cert: Issued;
}

/** A self-signed REST certificate (SPEC §4.4: keyUsage digitalSignature) with its private key. */
export function restCertificate(options: Partial<CreateCertificateOptions> = {}): Promise<Issued> {
  return createCertificate({ subject: { cn: "oauth-test-client", o: "APK Recycling" }, keyUsage: ["digitalSignature"], ...options });
}

/** A REST account of `username`'s first context, with the given web-service permissions, made through the service. */
export async function createRestClient(db: Db, username = "danny", permissionCodes = ["ws.careerpro-fla"], cert?: Issued): Promise<TestClient> {
  const actor = await actorFor(db, username);
  const perms = await db.select({ id: s.permissions.id, code: s.permissions.code }).from(s.permissions);
  const permissionIds = permissionCodes.map((code) => perms.find((p) => p.code === code)!.id);
  const issued = cert ?? (await restCertificate());
  const created = await createAccount(db, actor, { type: "REST", name: `OAuth ${randomUUID().slice(0, 8)}`, permissionIds, certificate: { fileName: "client.cer", bytes: issued.der }, certificateName: "client" });
  if (!created.ok) throw new Error(`createAccount: ${JSON.stringify(created)}`);
  const [row] = await db.select({ clientId: s.accounts.clientId }).from(s.accounts).where(eq(s.accounts.id, created.accountId));
  return { accountId: created.accountId, clientId: row!.clientId!, cert: issued };
}

export interface AssertionOptions {
  claims?: Record<string, unknown>;
  /** Claims to leave out (e.g. ["exp"]). */
  omit?: string[];
  header?: Partial<JWTHeaderParameters>;
  alg?: string;
}

/** A client assertion for `clientId` signed with `privateKeyPem`: aud = token endpoint, exp = now + 5 min, new jti. */
export async function makeAssertion(urls: OAuthUrls, clientId: string, privateKeyPem: string, options: AssertionOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { iss: clientId, sub: clientId, aud: urls.tokenEndpoint, exp: now + 300, iat: now, jti: randomUUID(), ...options.claims };
  for (const key of options.omit ?? []) delete claims[key];
  const key = createPrivateKey(privateKeyPem);
  const alg = options.alg ?? (key.asymmetricKeyType === "ec" ? (key.asymmetricKeyDetails?.namedCurve === "secp521r1" ? "ES512" : "ES384") : "RS256");
  return new SignJWT(claims).setProtectedHeader({ alg, ...options.header }).sign(key);
}

/** The form of a token request. */
export function tokenForm(assertion: string, extra: Record<string, string> = {}): Map<string, string> {
  return new Map(Object.entries({ grant_type: "client_credentials", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion, ...extra }));
}
