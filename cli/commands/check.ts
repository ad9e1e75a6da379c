/**
 * `chaman check …` — run the SPEC §4 credential rules (and the SPEC §1/§2 identifier rules)
 * from the command line, e.g. to try a certificate before uploading it.
 *
 *   check cert <file> --channel <FTP|SFTP|SOAP|REST> [--trust <family>=<ca.cer>]… [--now <ISO date>]
 *   check ssh-key <file|->
 *   check username <value>
 *   check password <value|->          (`-` reads it from stdin, keeping it out of `ps`)
 *   check enterprise-number <value> | niss <value> | phone <calling code> <number>
 *
 * Prints exactly ONE JSON object on stdout:
 *   accepted  {"ok":true, …details}                                   exit 0
 *   rejected  {"ok":false,"code":"<rule>","message":"<English>","params":{…}}   exit 1
 *   not run   {"ok":false,"code":"usage"|"io","message":"…"}          exit 2
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CHANNELS,
  TRUST_FAMILIES,
  checkCertificate,
  type CertificateDetails,
  type CertificateReading,
  type Channel,
  type TrustFamily,
  type TrustedCa,
} from '@/lib/rules/certificate';
import { decodeCertificateFile } from '@/lib/rules/certificate-decode';
import { checkEnterpriseNumber } from '@/lib/rules/enterprise-number';
import { formatRuleMessage } from '@/lib/rules/messages';
import { checkNiss } from '@/lib/rules/niss';
import { checkPassword } from '@/lib/rules/password';
import { checkPhone } from '@/lib/rules/phone';
import type { RuleResult } from '@/lib/rules/result';
import { checkSshPublicKey } from '@/lib/rules/ssh-key';
import { checkUsername } from '@/lib/rules/username';

export interface CheckDeps {
  /** Trust-store CAs (the lead's CLI reads them from the database when available). */
  loadTrustStore: () => Promise<TrustedCa[]>;
  /** Output sink; default: process.stdout. */
  write?: (text: string) => void;
  /** stdin reader for `-` arguments; default: process.stdin. */
  readStdin?: () => Promise<Uint8Array>;
}

export const CHECK_USAGE = [
  'check cert <file> --channel <FTP|SFTP|SOAP|REST> [--trust <eid|globalsign-personalsign3pro|other>=<ca.cer>]... [--now <ISO date>]',
  'check ssh-key <file|->',
  'check username <value>',
  'check password <value|->',
  'check enterprise-number <value>',
  'check niss <value>',
  'check phone <calling code> <number>',
].join('\n');

class StopError extends Error {
  constructor(
    readonly code: 'usage' | 'io',
    message: string,
  ) {
    super(message);
  }
}

const usage = (message: string): StopError => new StopError('usage', `${message}\nUsage:\n${CHECK_USAGE}`);

async function readStdinDefault(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return new Uint8Array(Buffer.concat(chunks));
}

async function readInput(file: string, deps: CheckDeps): Promise<Uint8Array> {
  try {
    if (file === '-') return await (deps.readStdin ?? readStdinDefault)();
    return new Uint8Array(await readFile(file));
  } catch (err) {
    throw new StopError('io', `Cannot read ${file === '-' ? 'stdin' : `file ${file}`}: ${(err as Error).message}`);
  }
}

/** Splits `--name value` options from positional arguments (repeatable options collect; `--` ends options). */
function parseArgs(args: string[]): { positional: string[]; options: Map<string, string[]> } {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--' && !optionsEnded) {
      optionsEnded = true; // everything after `--` is a value, e.g. a password starting with --
    } else if (!optionsEnded && arg.startsWith('--') && arg.length > 2) {
      // `--name value` or `--name=value` (split at the first '=': `--trust=eid=ca.cer` works).
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw usage(`Missing value for --${name}.`);
      options.set(name, [...(options.get(name) ?? []), value]);
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

function single(options: Map<string, string[]>, name: string): string | undefined {
  const values = options.get(name);
  if (values && values.length > 1) throw usage(`--${name} given more than once.`);
  return values?.[0];
}

async function trustFromOptions(values: string[], deps: CheckDeps): Promise<TrustedCa[]> {
  const out: TrustedCa[] = [];
  for (const value of values) {
    const eq = value.indexOf('=');
    const family = value.slice(0, eq);
    const file = value.slice(eq + 1);
    if (eq < 1 || !file || !(TRUST_FAMILIES as readonly string[]).includes(family)) {
      throw usage(`--trust expects <family>=<file> with family ${TRUST_FAMILIES.join(', ')}; got "${value}".`);
    }
    const decoded = decodeCertificateFile(await readInput(file, deps));
    if (!decoded.ok) throw new StopError('io', `--trust ${file} is not a readable certificate (${decoded.code}).`);
    out.push({ family: family as TrustFamily, der: decoded.der, label: path.basename(file) });
  }
  return out;
}

async function runCert(positional: string[], options: Map<string, string[]>, deps: CheckDeps): Promise<RuleResult> {
  const [file, extra] = positional;
  if (!file || extra !== undefined) throw usage('check cert expects exactly one file.');
  const channel = single(options, 'channel')?.toUpperCase();
  if (!channel || !(CHANNELS as readonly string[]).includes(channel)) {
    throw usage(`--channel must be one of ${CHANNELS.join(', ')}.`);
  }
  const nowText = single(options, 'now');
  const now = nowText === undefined ? new Date() : new Date(nowText);
  if (Number.isNaN(now.getTime())) throw usage(`--now "${nowText ?? ''}" is not a date.`);
  for (const name of options.keys()) {
    if (!['channel', 'trust', 'now'].includes(name)) throw usage(`Unknown option --${name}.`);
  }
  const extraCas = await trustFromOptions(options.get('trust') ?? [], deps);
  let stored: TrustedCa[];
  try {
    stored = await deps.loadTrustStore();
  } catch (err) {
    throw new StopError('io', `Cannot load the trust store: ${(err as Error).message}`);
  }
  const bytes = await readInput(file, deps);
  const result = await checkCertificate({
    fileName: file === '-' ? 'stdin.cer' : path.basename(file),
    bytes,
    channel: channel as Channel,
    trustStore: [...stored, ...extraCas],
    now,
  });
  if (!result.ok) return result;
  const accepted: RuleResult<CertificateDetails & { reading: CertificateReading }> = { ok: true, ...result.details, reading: result.reading };
  return accepted;
}

function expectValues(positional: string[], count: number, command: string): string[] {
  if (positional.length !== count) throw usage(`check ${command} expects ${count} value${count > 1 ? 's' : ''}.`);
  return positional;
}

async function dispatch(args: string[], deps: CheckDeps): Promise<RuleResult> {
  const [command, ...rest] = args;
  const { positional, options } = parseArgs(rest);
  if (command !== 'cert' && options.size > 0) throw usage(`check ${command ?? ''} takes no options.`);
  switch (command) {
    case 'cert':
      return runCert(positional, options, deps);
    case 'ssh-key': {
      const [file = ''] = expectValues(positional, 1, command);
      // Bytes, not text: the rule decodes UTF-16/UTF-32 files by their byte-order mark.
      return checkSshPublicKey(await readInput(file, deps));
    }
    case 'username': {
      const [value = ''] = expectValues(positional, 1, command);
      return checkUsername(value);
    }
    case 'password': {
      const [value = ''] = expectValues(positional, 1, command);
      // From stdin, only the line break that terminates the input is dropped.
      const pw = value === '-' ? new TextDecoder().decode(await readInput('-', deps)).replace(/\r?\n$/, '') : value;
      return checkPassword(pw); // never echo the password
    }
    case 'enterprise-number':
      return checkEnterpriseNumber(expectValues(positional, 1, command)[0] ?? '');
    case 'niss':
      return checkNiss(expectValues(positional, 1, command)[0] ?? '');
    case 'phone': {
      const [callingCode = '', number = ''] = expectValues(positional, 2, command);
      return checkPhone({ callingCode, number });
    }
    default:
      throw usage(command === undefined ? 'Missing check type.' : `Unknown check type "${command}".`);
  }
}

export async function runCheck(args: string[], deps: CheckDeps): Promise<number> {
  const write = deps.write ?? ((text: string) => void process.stdout.write(text));
  let output: Record<string, unknown>;
  let exitCode: number;
  try {
    const result = await dispatch(args, deps);
    if (result.ok) {
      output = result;
      exitCode = 0;
    } else {
      output = { ok: false, code: result.code, message: formatRuleMessage(result.code, result.params, 'en'), params: result.params };
      exitCode = 1;
    }
  } catch (err) {
    const stop = err instanceof StopError ? err : new StopError('io', `Unexpected error: ${(err as Error).message}`);
    output = { ok: false, code: stop.code, message: stop.message };
    exitCode = 2;
  }
  write(`${JSON.stringify(output)}\n`);
  return exitCode;
}
