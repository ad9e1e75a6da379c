import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, gt, isNull, or, sql } from "drizzle-orm";
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from "jose";
import type { Db, Queryable } from "@/lib/db/client";
import { oauthSigningKeys } from "@/lib/db/schema";
import { ACCESS_TOKEN_TTL_S } from "./config";

// The server's access-token signing keys (RFC 7517 JWK), kept in the database so every app instance signs
// with the same key and publishes the same JWKS. One active key (a partial unique index); rotation inserts
// a new one and retires the old, which stays in the JWKS until the tokens it signed have expired.

export const SIGNING_ALG = "ES256";

export interface SigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
}

// Imported keys per kid, so a token costs one signature, not a key import.
const imported = new Map<string, Promise<CryptoKey>>();

function importCached(kid: string, jwk: Record<string, unknown>, alg: string): Promise<CryptoKey> {
  let key = imported.get(kid);
  if (!key) {
    key = importJWK(jwk as JWK, alg) as Promise<CryptoKey>;
    imported.set(kid, key);
    key.catch(() => imported.delete(kid));
  }
  return key;
}

async function newKeyRow() {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG };
  return { kid, alg: SIGNING_ALG, publicJwk, privateJwk };
}

// The active key is read again at most every minute: after a rotation by another instance, this one may sign
// with the retired key for up to a minute, which is harmless (retired keys stay published for 11 minutes).
const ACTIVE_KEY_TTL_MS = 60_000;
let activeCache: { key: SigningKey; until: number } | null = null;

/** The active signing key, created on first use (concurrent first uses agree through the unique index). */
export async function activeSigningKey(q: Queryable): Promise<SigningKey> {
  if (activeCache && activeCache.until > Date.now()) return activeCache.key;
  for (let attempt = 0; attempt < 2; attempt++) {
    const [row] = await q.select().from(oauthSigningKeys).where(isNull(oauthSigningKeys.retiredAt)).limit(1);
    if (row) {
      const key = { kid: row.kid, alg: row.alg, privateKey: await importCached(row.kid, row.privateJwk, row.alg) };
      activeCache = { key, until: Date.now() + ACTIVE_KEY_TTL_MS };
      return key;
    }
    await q.insert(oauthSigningKeys).values(await newKeyRow()).onConflictDoNothing();
  }
  throw new Error("no active OAuth signing key");
}

/** RFC 7517 §5 key set: the active key and the keys retired less than a token lifetime ago (public parts only). */
export async function publishedKeys(q: Queryable): Promise<JSONWebKeySet> {
  await activeSigningKey(q);
  const rows = await q
    .select({ publicJwk: oauthSigningKeys.publicJwk })
    .from(oauthSigningKeys)
    .where(or(isNull(oauthSigningKeys.retiredAt), gt(oauthSigningKeys.retiredAt, sql`now() - make_interval(secs => ${ACCESS_TOKEN_TTL_S + 60})`)))
    .orderBy(desc(oauthSigningKeys.createdAt));
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}

/**
 * Rotation (`chaman oauth rotate-key`): retires the active key and makes a new one, in one transaction.
 * Tokens signed by the old key keep verifying until they expire.
 */
export async function rotateSigningKey(db: Db): Promise<{ kid: string; retired: string[] }> {
  const row = await newKeyRow();
  return db.transaction(async (tx) => {
    const retired = await tx.update(oauthSigningKeys).set({ retiredAt: new Date() }).where(isNull(oauthSigningKeys.retiredAt)).returning({ kid: oauthSigningKeys.kid });
    await tx.insert(oauthSigningKeys).values(row);
    activeCache = null;
    return { kid: row.kid, retired: retired.map((r) => r.kid) };
  });
}

/** The public key with this kid if it is still published (RFC 7515 §4.1.4), for verifying our own tokens. */
export async function verificationKey(q: Queryable, kid: string): Promise<CryptoKey | null> {
  const [row] = await q
    .select({ publicJwk: oauthSigningKeys.publicJwk, alg: oauthSigningKeys.alg })
    .from(oauthSigningKeys)
    .where(and(sql`${oauthSigningKeys.kid} = ${kid}`, or(isNull(oauthSigningKeys.retiredAt), gt(oauthSigningKeys.retiredAt, sql`now() - make_interval(secs => ${ACCESS_TOKEN_TTL_S + 60})`))))
    .limit(1);
  if (!row) return null;
  return importCached(`public:${kid}`, row.publicJwk, row.alg);
}
