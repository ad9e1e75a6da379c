// THE list of what the benchmark drives (issue 7). One row per page or action; a row with several
// steps is replayed in order on every connection (e.g. add a certificate, then delete it).
//
// To add a page:   { name, label, signedIn: true, steps: [{ method: "GET", path: (f) => `/accounts/${f.restAccountId}`, expect: 200 }] }
// To add an action: a step with method "ACTION", the page path it is posted to, the action's source file and
//   export name (its id is read from the build), and its arguments as the browser passes them: `[formData(...)]`
//   for <form action={fn}>, `[prevState, formData(...)]` for useActionState. "{{name}}" in a path or an
//   argument is replaced by what an earlier step's `capture` found in its response; "{{conn}}" by a token of
//   the connection (bench/load.ts), for names that must not collide between connections.
import { cookieHeader } from "./load";
import { flaBearerHeaders, flaPath, tokenFreshBody } from "./oauth-scenarios";
import { formData } from "./server-action";
import type { Fixtures } from "./scale";

export type Budgeted = "p95-ratio" | "throughput-vs-health" | "first-load-js";

export interface Step {
  method: "GET" | "POST" | "ACTION";
  path: string | ((f: Fixtures) => string);
  /** ACTION: the server action, by source file (relative to the project) and export name. */
  action?: { file: string; export: string };
  /** ACTION: its arguments. */
  args?: (f: Fixtures, index: number) => unknown[] | Promise<unknown[]>;
  /**
   * ACTION: encode `args` this many times (index 0…n−1) and give each connection the next encoding, for
   * uploads the server refuses twice (one certificate once per account, migration 0019): no two
   * connections of one target, in any round, send the same certificate.
   */
  distinct?: number;
  /** POST: a raw request made once before the load (e.g. the sign-in form with its CSRF token). */
  request?: (ctx: SetupContext) => Promise<{ headers: Record<string, string>; body: Buffer }>;
  /** The status every answer must have; anything else counts as an error. */
  expect: number;
  /** Text a correct answer contains, checked once before the load (e.g. proof of being signed in). */
  contains?: (f: Fixtures) => string;
  /** Stores the first group of `pattern` in the response body under `name`, for the next steps. */
  capture?: Capture;
  /** POST: a new body for every request (a client assertion with a new jti), from the connection's values. */
  freshBody?: (ctx: SetupContext) => Promise<{ headers: Record<string, string>; next: (connection: Record<string, string>) => Buffer }>;
  /** GET: headers made once before the load (e.g. a bearer token). */
  headers?: (ctx: SetupContext) => Promise<Record<string, string>>;
}

/** Stores the first group of `pattern` (a RegExp, or a string that may name `{{conn}}` or earlier captures) under `name`. */
export interface Capture {
  name: string;
  pattern: RegExp | string;
}

export interface Scenario {
  name: string;
  label: string;
  /** Sent with the persona's session cookie. */
  signedIn: boolean;
  steps: Step[];
  /** The floor the other throughputs are divided by. */
  floor?: boolean;
}

export interface SetupContext {
  origin: string;
  fixtures: Fixtures;
}

/** Auth.js credentials sign-in, as the provider's form posts it; the CSRF token and cookie are taken once and replayed. */
async function signInRequest({ origin, fixtures }: SetupContext): Promise<{ headers: Record<string, string>; body: Buffer }> {
  const response = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = cookieHeader(response.headers.getSetCookie());
  const body = new URLSearchParams({ csrfToken, username: fixtures.username, password: fixtures.password, callbackUrl: `${origin}/` });
  return { headers: { "content-type": "application/x-www-form-urlencoded", cookie }, body: Buffer.from(body.toString()) };
}

export const scenarios: Scenario[] = [
  { name: "health", label: "/api/health (floor)", signedIn: false, floor: true, steps: [{ method: "GET", path: "/api/health", expect: 200, contains: () => '"status":"ok"' }] },
  { name: "home", label: "Home page, signed in", signedIn: true, steps: [{ method: "GET", path: "/", expect: 200, contains: (f) => f.senderNumber }] },
  { name: "journal", label: "Journal, signed in", signedIn: true, steps: [{ method: "GET", path: "/journal", expect: 200, contains: (f) => f.senderNumber }] },
  { name: "account", label: "Account detail page", signedIn: true, steps: [{ method: "GET", path: (f) => `/accounts/${f.restAccountId}`, expect: 200, contains: () => "certificat-rest" }] },
  // Issue 4's « Ajouter un certificat » then « Supprimer »: each connection adds a certificate named after
  // itself, finds its id on the detail page (the download link), and deletes it; the account keeps its own.
  {
    name: "certificate",
    label: "REST certificate add + delete",
    signedIn: true,
    steps: [
      {
        method: "ACTION",
        path: (f) => `/accounts/${f.restAccountId}`,
        action: { file: "app/(chaman)/accounts/actions.ts", export: "uploadCertificateAction" },
        distinct: 128,
        args: async (f, index) => [formData({ accountId: f.restAccountId, mode: "add", certificateName: "bench-{{conn}}", certificate: await benchCertificateFile(index) })],
        expect: 200,
        contains: () => '"status":"success"',
      },
      {
        method: "GET",
        path: (f) => `/accounts/${f.restAccountId}`,
        expect: 200,
        capture: { name: "certificateId", pattern: '/certificates/([0-9a-f-]{36})/download"[^>]*aria-label="[^"]*bench-{{conn}}"' },
      },
      {
        method: "ACTION",
        path: (f) => `/accounts/${f.restAccountId}`,
        action: { file: "app/(chaman)/accounts/actions.ts", export: "deleteCertificateAction" },
        args: (f) => [formData({ accountId: f.restAccountId, certificateId: "{{certificateId}}" })],
        expect: 200,
        contains: () => '"status":"success"',
      },
    ],
  },
  // For comparison: the not-found page, which since issue 13 renders inside the app shell (signed in, the shell
  // reads the session and the header's data: the cost of the shell alone), then the sign-in page (no session,
  // no query: the framework's own cost).
  { name: "not-found", label: "Not-found page", signedIn: true, steps: [{ method: "GET", path: "/bench-no-such-page", expect: 404, contains: () => "<h1" }] },
  { name: "login-page", label: "Sign-in page, signed out", signedIn: false, steps: [{ method: "GET", path: "/login", expect: 200, contains: () => 'name="password"' }] },
  { name: "sign-in", label: "Sign-in (argon2id)", signedIn: false, steps: [{ method: "POST", path: "/api/auth/callback/credentials", request: signInRequest, expect: 302 }] },
  // Issue 14: a token per request (client assertion with a new jti, one Client ID per connection), then the FLA
  // sample API read with a bearer token (signature, scope, account and BCE/NISS checks, one row read).
  { name: "oauth-token", label: "OAuth token (private_key_jwt)", signedIn: false, steps: [{ method: "POST", path: "/oauth/token", freshBody: tokenFreshBody, expect: 200, contains: () => '"access_token"' }] },
  { name: "fla-get", label: "FLA API GET (bearer token)", signedIn: false, steps: [{ method: "GET", path: (f) => flaPath(f.oauth!), headers: flaBearerHeaders, expect: 200, contains: () => '"trainings"' }] },
  // Proves the server-action technique on an existing action: <form action={setLocale}> posts [formData].
  {
    name: "action",
    label: "Server action (setLocale)",
    signedIn: true,
    steps: [{ method: "ACTION", path: "/", action: { file: "components/locale-actions.ts", export: "setLocale" }, args: () => [formData({ locale: "fr" })], expect: 200, contains: () => ":" }],
  },
];

let benchKeyPair: Promise<import("@/lib/pki/keys").NodeKeyPair> | undefined;

/**
 * The `index`-th REST certificate file for upload steps (self-signed, digitalSignature: accepted for REST,
 * SPEC §4.4). One RSA key pair for all of them (key generation is the slow part); each has its own serial,
 * so its own SHA-256 fingerprint.
 */
export async function benchCertificateFile(index = 0): Promise<File> {
  const { createCertificate } = await import("@/lib/pki/generate");
  const { generateNodeKeyPair } = await import("@/lib/pki/keys");
  benchKeyPair ??= generateNodeKeyPair({ kind: "RSA", bits: 2048 });
  const issued = await createCertificate({ subject: { cn: "bench-upload", o: "Chaman bench" }, keyUsage: ["digitalSignature"], keyPair: await benchKeyPair });
  return new File([issued.der.slice()], `bench-upload-${index}.cer`, { type: "application/pkix-cert" });
}
