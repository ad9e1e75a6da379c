import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { demoSampleKeys } from "@/lib/db/schema";
import { createCertificate, generateSshKeyPair, makePkcs12Like, type CreateCertificateOptions, type Issued } from "@/lib/pki/generate";
import type { NodeKeyPair } from "@/lib/pki/keys";
import { makePkcs12 } from "@/lib/pki/pkcs12-export";
import type { Channel, TrustFamily } from "@/lib/rules/certificate";
import type { RuleCode } from "@/lib/rules/result";
import { loadDemoCas, type DemoCa } from "./demo-cas";

// The trainer kit (« Certificats de démonstration »): ready-made files issued by the demo CAs so a
// trainer can show every accepted and refused case of SPEC §4.3 and §4.4. Each sample announces
// its verdict per channel; trainer-kit.int.test.ts proves the rules give exactly that verdict.

export type Verdict = "ok" | RuleCode;

export interface TrainerSample {
  /** Also the file name of the download. */
  id: string;
  group: "certificate" | "ssh" | "private-key";
  contentType: string;
  bytes: Uint8Array;
  /** Certificates: the verdict of checkCertificate on each channel. */
  channels?: Record<Channel, Verdict>;
  /** SSH keys: the verdict of checkSshPublicKey (SFTP). */
  ssh?: Verdict;
}

const CER = "application/pkix-cert";
const TEXT = "text/plain; charset=utf-8";
const DAY = 24 * 3600 * 1000;

const all = (verdict: Verdict): Record<Channel, Verdict> => ({ FTP: verdict, SFTP: verdict, SOAP: verdict, REST: verdict });
const encoder = new TextEncoder();

/** The password of the trainer kit's PKCS#12 key stores (REST sample, FS signer), stated on its page. Demo data only. */
export const TRAINER_PKCS12_PASSWORD = "chaman-demo";
const REST_SAMPLE_KEY = "rest-self-signed";

/**
 * The REST sample's key pair, kept in demo_sample_keys so a certificate uploaded in a demo still matches the
 * key downloaded after a restart (the certificate itself is re-issued, same key). Concurrent first calls agree.
 */
async function restSampleKey(q: Queryable): Promise<NodeKeyPair> {
  const stored = async () => (await q.select({ pem: demoSampleKeys.privateKeyPem }).from(demoSampleKeys).where(eq(demoSampleKeys.name, REST_SAMPLE_KEY)))[0]?.pem;
  let pem = await stored();
  if (!pem) {
    const generated = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    await q.insert(demoSampleKeys).values({ name: REST_SAMPLE_KEY, privateKeyPem: generated }).onConflictDoNothing();
    pem = (await stored()) ?? generated;
  }
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

async function build(cas: DemoCa[], restKey: NodeKeyPair): Promise<TrainerSample[]> {
  const ca = (family: TrustFamily): Issued => {
    const found = cas.find((c) => c.family === family);
    if (!found) throw new Error(`demo CA ${family} missing`);
    return found.issued;
  };
  const subject = { cn: "Formation Chaman", o: "Demo SA", c: "BE" };
  const cert = (options: Partial<CreateCertificateOptions>) => createCertificate({ subject, ...options });
  const now = Date.now();
  const globalsign = ca("globalsign-personalsign3pro");
  const [eid, gsEc, selfSigned, gsCrt, ed25519, rsa1024, p256, sha1, future, expired, other, noUsage] = await Promise.all([
    cert({ issuer: ca("eid") }),
    cert({ issuer: globalsign, key: { kind: "EC", curve: "P-384" } }),
    cert({ subject: { cn: "formation-rest-client", o: "Demo SA" }, keyUsage: ["digitalSignature"], keyPair: restKey }),
    cert({ issuer: globalsign }),
    cert({ issuer: globalsign, key: { kind: "Ed25519" } }),
    cert({ issuer: globalsign, key: { kind: "RSA", bits: 1024 } }),
    cert({ issuer: globalsign, key: { kind: "EC", curve: "P-256" } }),
    cert({ issuer: globalsign, hash: "SHA-1" }),
    cert({ issuer: globalsign, notBefore: new Date(now + 30 * DAY), notAfter: new Date(now + 400 * DAY) }),
    cert({ issuer: globalsign, notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - DAY) }),
    cert({ issuer: ca("other") }),
    cert({ subject: { cn: "formation-rest-sans-usage", o: "Demo SA" }, keyUsage: null }),
  ]);
  const sshOk = generateSshKeyPair({ bits: 2048, comment: "formation-ok" });
  const sshOk3072 = generateSshKeyPair({ bits: 3072, comment: "formation-ok-3072" });
  const ssh1024 = generateSshKeyPair({ bits: 1024, comment: "formation-1024" });
  const sshEd = generateSshKeyPair({ kind: "ed25519", comment: "formation-ed25519" });
  const selfRefused = { FTP: "cert.self-signed-not-allowed", SFTP: "cert.self-signed-not-allowed", SOAP: "cert.self-signed-not-allowed" } as const;
  const text = (value: string) => encoder.encode(value);

  return [
    { id: "accepte-eid-rsa2048.cer", group: "certificate", contentType: CER, bytes: eid.der, channels: { FTP: "ok", SFTP: "ok", SOAP: "cert.issuer-not-allowed", REST: "ok" } },
    { id: "accepte-globalsign-ec-p384.cer", group: "certificate", contentType: CER, bytes: gsEc.der, channels: all("ok") },
    { id: "accepte-rest-self-signed.cer", group: "certificate", contentType: CER, bytes: text(selfSigned.pem), channels: { ...selfRefused, REST: "ok" } },
    { id: "accepte-rest-self-signed-cle-privee.key", group: "private-key", contentType: TEXT, bytes: text(selfSigned.privateKeyPem) },
    { id: "accepte-rest-self-signed.p12", group: "private-key", contentType: "application/x-pkcs12", bytes: makePkcs12({ certificatePem: selfSigned.pem, privateKeyPem: selfSigned.privateKeyPem, password: TRAINER_PKCS12_PASSWORD, friendlyName: "formation-rest-client" }) },
    { id: "refuse-autre-ca.cer", group: "certificate", contentType: CER, bytes: other.der, channels: { FTP: "cert.issuer-not-allowed", SFTP: "cert.issuer-not-allowed", SOAP: "cert.issuer-not-allowed", REST: "ok" } },
    { id: "refuse-extension.crt", group: "certificate", contentType: CER, bytes: gsCrt.der, channels: all("cert.extension") },
    { id: "refuse-pkcs12.pfx", group: "certificate", contentType: "application/x-pkcs12", bytes: makePkcs12Like(gsCrt.der, { privateKeyPem: gsCrt.privateKeyPem }), channels: all("cert.pkcs12") },
    { id: "refuse-illisible.cer", group: "certificate", contentType: CER, bytes: text("Ceci n’est pas un certificat.\n"), channels: all("cert.unreadable") },
    { id: "refuse-cle-privee.cer", group: "certificate", contentType: CER, bytes: text(gsCrt.privateKeyPem), channels: all("cert.private-key") },
    { id: "refuse-type-cle-ed25519.cer", group: "certificate", contentType: CER, bytes: ed25519.der, channels: all("cert.key-type") },
    { id: "refuse-taille-cle-rsa1024.cer", group: "certificate", contentType: CER, bytes: rsa1024.der, channels: all("cert.key-size") },
    { id: "refuse-courbe-p256.cer", group: "certificate", contentType: CER, bytes: p256.der, channels: all("cert.curve") },
    { id: "refuse-signature-sha1.cer", group: "certificate", contentType: CER, bytes: sha1.der, channels: all("cert.signature-hash") },
    { id: "refuse-pas-encore-valide.cer", group: "certificate", contentType: CER, bytes: future.der, channels: all("cert.not-yet-valid") },
    { id: "refuse-expire.cer", group: "certificate", contentType: CER, bytes: expired.der, channels: all("cert.expired") },
    { id: "refuse-self-signed-sans-key-usage.cer", group: "certificate", contentType: CER, bytes: noUsage.der, channels: { ...selfRefused, REST: "cert.key-usage" } },
    { id: "ssh-accepte-rsa2048.pub", group: "ssh", contentType: TEXT, bytes: text(`${sshOk.openssh}\n`), ssh: "ok" },
    { id: "ssh-accepte-rsa3072-rfc4716.pub", group: "ssh", contentType: TEXT, bytes: text(sshOk3072.rfc4716), ssh: "ok" },
    { id: "ssh-refuse-rsa1024.pub", group: "ssh", contentType: TEXT, bytes: text(`${ssh1024.openssh}\n`), ssh: "ssh.key-size" },
    { id: "ssh-refuse-ed25519.pub", group: "ssh", contentType: TEXT, bytes: text(`${sshEd.openssh}\n`), ssh: "ssh.key-type" },
    { id: "ssh-refuse-cle-privee.txt", group: "ssh", contentType: TEXT, bytes: text(sshOk.privateKeyOpenssh), ssh: "ssh.private-key" },
    { id: "ssh-refuse-illisible.pub", group: "ssh", contentType: TEXT, bytes: text("ssh-rsa pas-une-cle formation\n"), ssh: "ssh.unreadable" },
    // Issue 15: what a trainer needs for a whole batch transfer on stage — the eID-like certificate above
    // with its private key (to sign FI files as seed 000 §3.1 says) and the private key matching
    // ssh-accepte-rsa2048.pub (for `sftp -i`).
    { id: "formation-signature-eid.p12", group: "private-key", contentType: "application/x-pkcs12", bytes: makePkcs12({ certificatePem: eid.pem, privateKeyPem: eid.privateKeyPem, password: TRAINER_PKCS12_PASSWORD, friendlyName: "Formation Chaman" }) },
    { id: "formation-ssh-cle-privee", group: "ssh", contentType: TEXT, bytes: text(sshOk.privateKeyOpenssh), ssh: "ssh.private-key" },
  ];
}

// Generated once per process and per set of demo CAs (a demo reset makes new CAs).
const cache = new Map<string, Promise<TrainerSample[]>>();

/** The samples, or null when the database has no demo CA keys (a real deployment). */
export async function trainerSamples(q: Queryable): Promise<TrainerSample[] | null> {
  const cas = await loadDemoCas(q);
  const families: TrustFamily[] = ["eid", "globalsign-personalsign3pro", "other"];
  if (!families.every((f) => cas.some((c) => c.family === f))) return null;
  const key = cas.map((c) => c.fingerprint).sort().join(",");
  let samples = cache.get(key);
  if (!samples) {
    cache.clear();
    samples = restSampleKey(q).then((restKey) => build(cas, restKey));
    cache.set(key, samples);
    samples.catch(() => cache.delete(key));
  }
  return samples;
}
