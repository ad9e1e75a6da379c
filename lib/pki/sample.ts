/**
 * A complete, clearly labelled TEST PKI: one CA per trust-store family of SPEC §4.4, an
 * untrusted CA, and an impostor that copies the test eID CA's name with its own key.
 * Used by the rule tests, and meant for the seed (trust store of a demo database) and the
 * trainer kit (certificates that each rule accepts or refuses). Never a real CA.
 */
import type { TrustedCa } from '../rules/certificate-issuer';
import { createCertificate, type HashName, type Issued, type KeySpec, type KeyUsageName } from './generate';
import type { NodeKeyPair } from './keys';

export interface SamplePki {
  /** Stands in for the Belgian eID CA (family `eid`). */
  eid: Issued;
  /** Stands in for GlobalSign PersonalSign 3 (family `globalsign-personalsign3pro`). */
  globalsign: Issued;
  /** In the trust store with family `other` (accepted only where any issuer is: REST). */
  other: Issued;
  /** A CA that is NOT in the trust store. */
  untrusted: Issued;
  /** Same subject name as `eid`, different key: its certificates look eID-issued but are not. */
  impostorEid: Issued;
  /** Trust store with eid, globalsign and other. */
  trustStore: TrustedCa[];
}

export const SAMPLE_CA_NAMES = {
  eid: { cn: 'Chaman Mirror TEST eID Citizen CA', o: 'Chaman Mirror TEST PKI', c: 'BE' },
  globalsign: { cn: 'Chaman Mirror TEST GlobalSign PersonalSign 3 CA', o: 'Chaman Mirror TEST PKI', c: 'BE' },
  other: { cn: 'Chaman Mirror TEST Other CA', o: 'Chaman Mirror TEST PKI', c: 'BE' },
  untrusted: { cn: 'Chaman Mirror TEST Untrusted CA', o: 'Nobody', c: 'BE' },
} as const;

export async function createSamplePki(opts: { notBefore?: Date; notAfter?: Date } = {}): Promise<SamplePki> {
  const notBefore = opts.notBefore ?? new Date('2020-01-01T00:00:00Z');
  const notAfter = opts.notAfter ?? new Date('2045-01-01T00:00:00Z');
  const ca = (subject: { cn: string; o: string; c: string }) =>
    createCertificate({ subject, isCa: true, notBefore, notAfter });
  const [eid, globalsign, other, untrusted, impostorEid] = await Promise.all([
    ca(SAMPLE_CA_NAMES.eid),
    ca(SAMPLE_CA_NAMES.globalsign),
    ca(SAMPLE_CA_NAMES.other),
    ca(SAMPLE_CA_NAMES.untrusted),
    ca(SAMPLE_CA_NAMES.eid),
  ]);
  return {
    eid,
    globalsign,
    other,
    untrusted,
    impostorEid,
    trustStore: [
      { family: 'eid', der: eid.der, label: SAMPLE_CA_NAMES.eid.cn },
      { family: 'globalsign-personalsign3pro', der: globalsign.der, label: SAMPLE_CA_NAMES.globalsign.cn },
      { family: 'other', der: other.der, label: SAMPLE_CA_NAMES.other.cn },
    ],
  };
}

/** Shorthand for a user certificate (leaf); defaults: RSA 2048, SHA-256, valid from yesterday for a year, self-signed without issuer. */
export function createLeaf(opts: {
  issuer?: Issued;
  cn?: string;
  o?: string;
  key?: KeySpec;
  keyPair?: NodeKeyPair;
  hash?: HashName;
  notBefore?: Date;
  notAfter?: Date;
  keyUsage?: KeyUsageName[] | null;
  serial?: bigint;
}): Promise<Issued> {
  return createCertificate({
    subject: { cn: opts.cn ?? 'Jean Dupont', o: opts.o ?? 'Chaman Demo SA', c: 'BE' },
    ...(opts.notBefore ? { notBefore: opts.notBefore } : {}),
    ...(opts.notAfter ? { notAfter: opts.notAfter } : {}),
    ...(opts.issuer ? { issuer: opts.issuer } : {}),
    ...(opts.key ? { key: opts.key } : {}),
    ...(opts.keyPair ? { keyPair: opts.keyPair } : {}),
    ...(opts.hash ? { hash: opts.hash } : {}),
    ...(opts.keyUsage !== undefined ? { keyUsage: opts.keyUsage } : {}),
    ...(opts.serial !== undefined ? { serial: opts.serial } : {}),
  });
}
