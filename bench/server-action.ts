// Calling a Next.js 16 server action over plain HTTP, as the browser's router does, so autocannon can
// drive the app's mutations (issue 7):
//   POST <page path>
//   Next-Action: <action id>              ← .next/server/server-reference-manifest.json (file + export name)
//   Accept: text/x-component
//   Origin: <the server's own origin>     ← Next refuses actions whose Origin differs from Host (CSRF)
//   Cookie: <session cookie>
//   body: the arguments encoded by React's own encodeReply (multipart when they hold a FormData or a
//         File, e.g. `[formData]` for <form action={fn}>, `[prevState, formData]` for useActionState;
//         a JSON text otherwise, e.g. `["<certificate id>"]` for fn(id)).
// The answer is a React Flight stream (200, text/x-component), or 303 + x-action-redirect after redirect().
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

type EncodeReply = (value: unknown) => Promise<string | FormData>;

/** The reply encoder of the React build that Next ships (Turbopack builds decode with the same format). */
function reactEncodeReply(): EncodeReply {
  const client = require("next/dist/compiled/react-server-dom-turbopack/client.node") as { encodeReply: EncodeReply };
  return client.encodeReply;
}

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

/** The id of `exportedName` from `file` (path relative to the project, e.g. "components/locale-actions.ts"). */
export function findActionId(projectDir: string, file: string, exportedName: string): string {
  const manifestPath = path.join(projectDir, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { node: Record<string, ManifestEntry> };
  const match = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportedName);
  if (!match) throw new Error(`server action ${file}#${exportedName} is not in ${manifestPath} (not built, or not used by any page)`);
  return match[0];
}

export interface EncodedBody {
  body: Buffer;
  contentType: string;
}

/** Encodes the action's argument list exactly as the browser would send it. */
export async function encodeActionArgs(args: unknown[]): Promise<EncodedBody> {
  const encoded = await reactEncodeReply()(args);
  if (typeof encoded === "string") return { body: Buffer.from(encoded), contentType: "text/plain;charset=UTF-8" };
  // Let undici write the multipart body (boundary included) once; autocannon replays the bytes.
  const request = new Request("http://bench.invalid/", { method: "POST", body: encoded });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get("content-type") ?? "multipart/form-data" };
}

/** A FormData from plain fields; File values for uploads (`new File([der], "x.cer")`). */
export function formData(fields: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

export function actionHeaders(actionId: string, origin: string, encoded: EncodedBody): Record<string, string> {
  return {
    "next-action": actionId,
    accept: "text/x-component",
    origin,
    "content-type": encoded.contentType,
  };
}
