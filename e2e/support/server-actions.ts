// Calls Next.js server actions over HTTP exactly as the browser does (action id from the build's
// manifest, arguments encoded by React's encodeReply), for tests and scripts that drive the real
// server without a browser: the isolation matrix and the crash-safety script.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type EncodeReply = (value: unknown) => Promise<string | FormData>;
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as { encodeReply: EncodeReply };

export interface ActionRef {
  id: string;
  file: string;
  name: string;
}

export function listServerActions(root = process.cwd()): ActionRef[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, v]) => ({ id, file: v.filename, name: v.exportedName }));
}

export function actionId(file: string, name: string, root?: string): string {
  const found = listServerActions(root).find((a) => a.file === file && a.name === name);
  if (!found) throw new Error(`server action ${file}#${name} is not in the build`);
  return found.id;
}

export interface ActionResponse {
  status: number;
  redirect: string | null;
  body: string;
  setCookies: string[];
}

/** POSTs a server action to `page` (a page that renders a form using it) with the given cookie. */
export async function callServerAction(options: {
  baseUrl: string;
  page: string;
  id: string;
  args: unknown[];
  cookie?: string;
  headers?: Record<string, string>;
}): Promise<ActionResponse> {
  const body = await encodeReply(options.args);
  const response = await fetch(new URL(options.page, options.baseUrl), {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": options.id,
      Accept: "text/x-component",
      Origin: options.baseUrl,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...(typeof body === "string" ? { "Content-Type": "text/plain;charset=UTF-8" } : {}),
      ...options.headers,
    },
    body,
  });
  return {
    status: response.status,
    redirect: response.headers.get("x-action-redirect") ?? response.headers.get("location"),
    body: await response.text(),
    setCookies: response.headers.getSetCookie(),
  };
}

/** The multipart body React's encodeReply makes for `args`, as bytes, with its Content-Type (boundary included). */
export async function encodedMultipart(args: unknown[]): Promise<{ bytes: Uint8Array; contentType: string }> {
  const encoded = await encodeReply(args);
  const request = new Request("http://localhost/", { method: "POST", body: encoded });
  return { bytes: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get("content-type") ?? "" };
}

/** POSTs raw bytes as a server action call (for malformed bodies the browser would never send). */
export async function postRawAction(options: { baseUrl: string; page: string; id: string; cookie?: string; body: Uint8Array; contentType: string }): Promise<ActionResponse> {
  const response = await fetch(new URL(options.page, options.baseUrl), {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": options.id,
      Accept: "text/x-component",
      Origin: options.baseUrl,
      "Content-Type": options.contentType,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    body: Buffer.from(options.body),
  });
  return { status: response.status, redirect: response.headers.get("x-action-redirect") ?? response.headers.get("location"), body: await response.text(), setCookies: response.headers.getSetCookie() };
}

export function formData(fields: Record<string, string | string[] | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const v of value) data.append(key, v);
    else data.set(key, value);
  }
  return data;
}

/** Signs a persona in through the login form's action and returns the session cookie. */
export async function signInCookie(baseUrl: string, username: string, password = "demo", ip?: string): Promise<string | null> {
  const result = await callServerAction({
    baseUrl,
    page: "/login",
    id: actionId("app/(public)/login/actions.ts", "signInAction"),
    args: [{}, formData({ username, password })],
    headers: ip ? { "X-Forwarded-For": ip } : undefined,
  });
  const session = result.setCookies.find((c) => c.includes("authjs.session-token="));
  return session ? session.split(";")[0]! : null;
}
