/**
 * SSH key pairs for SFTP accounts (SPEC §4.3): tests, seed data and the trainer kit.
 * Produces the public key in both accepted formats (OpenSSH one-liner and RFC 4716 block)
 * and the private key (PKCS#8 PEM and OpenSSH) — for training only; real users keep theirs.
 */
import sshpk from 'sshpk';
import { generateNodeKeyPairSync, type KeySpec } from './keys';

export interface SshKeyPair {
  /** `ssh-rsa AAAA… comment` */
  openssh: string;
  /** `---- BEGIN SSH2 PUBLIC KEY ----` block (RFC 4716). */
  rfc4716: string;
  /** PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). */
  privateKeyPem: string;
  /** OpenSSH private key format (`-----BEGIN OPENSSH PRIVATE KEY-----`), as ssh-keygen writes it. */
  privateKeyOpenssh: string;
  /** `SHA256:…` */
  fingerprint: string;
  bits: number;
}

const ECDSA_CURVES: Record<number, 'P-256' | 'P-384' | 'P-521'> = { 256: 'P-256', 384: 'P-384', 521: 'P-521' };

/** RFC 4716 §3.3: lines of at most 72 bytes; header lines continue with a trailing backslash. */
export function toRfc4716(blobBase64: string, comment: string): string {
  const lines = ['---- BEGIN SSH2 PUBLIC KEY ----'];
  if (comment) {
    let header = `Comment: "${comment.replace(/"/g, "'")}"`;
    while (header.length > 72) {
      lines.push(`${header.slice(0, 71)}\\`);
      header = header.slice(71);
    }
    lines.push(header);
  }
  lines.push(...(blobBase64.match(/.{1,70}/g) ?? []));
  lines.push('---- END SSH2 PUBLIC KEY ----');
  return `${lines.join('\n')}\n`;
}

/**
 * Synchronous (RSA 4096 takes about a second). Any RSA size works, including the boundary
 * cases 2047 and 4097 used by the tests. Defaults: RSA 2048, comment 'chaman-mirror'.
 */
export function generateSshKeyPair(opts: { kind?: 'rsa' | 'ed25519' | 'ecdsa'; bits?: number; comment?: string } = {}): SshKeyPair {
  const kind = opts.kind ?? 'rsa';
  const comment = opts.comment ?? 'chaman-mirror';
  let spec: KeySpec;
  if (kind === 'rsa') spec = { kind: 'RSA', bits: opts.bits ?? 2048 };
  else if (kind === 'ecdsa') {
    const curve = ECDSA_CURVES[opts.bits ?? 256];
    if (!curve) throw new RangeError(`ECDSA size must be 256, 384 or 521, got ${String(opts.bits)}`);
    spec = { kind: 'EC', curve };
  } else spec = { kind: 'Ed25519' };

  const pair = generateNodeKeyPairSync(spec);
  const privateKeyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const priv = sshpk.parsePrivateKey(privateKeyPem, 'pem');
  priv.comment = comment;
  const pub = priv.toPublic();
  pub.comment = comment;
  const openssh = pub.toString('ssh').trim();
  const blob = openssh.split(' ')[1] ?? '';
  return {
    openssh,
    rfc4716: toRfc4716(blob, comment),
    privateKeyPem,
    privateKeyOpenssh: priv.toString('openssh'),
    fingerprint: pub.fingerprint('sha256').toString(),
    bits: pub.size,
  };
}
