import "server-only";
import { createPrivateKey, createPublicKey } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { demoCaKeys, trustedCas } from "@/lib/db/schema";
import type { Issued } from "@/lib/pki/generate";
import { toCryptoKeyPair, type KeySpec } from "@/lib/pki/keys";
import { X509Certificate } from "@/lib/pki/x509";
import type { TrustFamily } from "@/lib/rules/certificate";

export interface DemoCa {
  family: TrustFamily;
  fingerprint: string;
  issued: Issued;
}

/**
 * The demo CAs whose private keys the demo seed kept (table demo_ca_keys), as issuers for the
 * trainer kit and the tests. A real deployment has none: the list is then empty.
 */
export async function loadDemoCas(q: Queryable): Promise<DemoCa[]> {
  const rows = await q
    .select({ family: trustedCas.family, der: trustedCas.content, fingerprint: trustedCas.sha256Fingerprint, privateKeyPem: demoCaKeys.privateKeyPem })
    .from(demoCaKeys)
    .innerJoin(trustedCas, eq(trustedCas.id, demoCaKeys.trustedCaId))
    .orderBy(trustedCas.family);
  return Promise.all(
    rows.map(async (row) => {
      const privateKey = createPrivateKey(row.privateKeyPem);
      const publicKey = createPublicKey(privateKey);
      const spec: KeySpec =
        privateKey.asymmetricKeyType === "ec"
          ? { kind: "EC", curve: privateKey.asymmetricKeyDetails?.namedCurve === "secp521r1" ? "P-521" : privateKey.asymmetricKeyDetails?.namedCurve === "secp384r1" ? "P-384" : "P-256" }
          : { kind: "RSA", bits: privateKey.asymmetricKeyDetails?.modulusLength ?? 2048 };
      const der = row.der.slice();
      const issued: Issued = {
        der,
        pem: new X509Certificate(der).toString("pem"),
        privateKeyPem: row.privateKeyPem,
        keys: await toCryptoKeyPair({ privateKey, publicKey }, spec),
        cert: new X509Certificate(der),
      };
      return { family: row.family, fingerprint: row.fingerprint, issued };
    }),
  );
}
