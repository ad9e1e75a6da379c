// Shared fixture of the certificate rule tests (certificate-format, certificate-shapes, certificate-text-after):
// a sample PKI and one leaf valid at NOW. Call setUpSampleLeaf() at the top of the test file; `pki` and `leaf`
// are live bindings set by its before() hook.
import { before } from 'node:test';
import type { Issued } from '../pki/generate';
import { createLeaf, createSamplePki, type SamplePki } from '../pki/sample';

export const NOW = new Date('2026-06-15T12:00:00Z');
export let pki: SamplePki;
export let leaf: Issued;

/** Registers the before() hook that makes `pki` and a leaf of its eID CA valid from 2026-01-01 to 2028-01-01. */
export function setUpSampleLeaf(): void {
  before(async () => {
    pki = await createSamplePki();
    leaf = await createLeaf({ issuer: pki.eid, notBefore: new Date('2026-01-01Z'), notAfter: new Date('2028-01-01Z') });
  });
}
