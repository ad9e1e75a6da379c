import "server-only";
// Issue 19: a multipart request whose part headers the server-action parser cannot read (a NUL or a
// 100 KB file name in Content-Disposition, a header line without a colon, a missing boundary, a part
// without a name…) made Next.js answer 500: its action handler lets busboy's "Malformed part header" escape. proxy.ts runs
// this check first and answers 400. It reads the body with the very parser and settings Next.js uses
// (next/dist/compiled/busboy, UTF-8 parameters), so whatever passes here parses there too; file
// contents are discarded as they stream by.
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

interface Busboy extends NodeJS.WritableStream {
  on(event: "file", listener: (name: string, stream: Readable) => void): this;
  on(event: "field" | "error" | "close", listener: (...args: unknown[]) => void): this;
}
type BusboyFactory = (options: { headers: Record<string, string>; defParamCharset: string; limits: { fieldSize: number } }) => Busboy;

const busboy = createRequire(import.meta.url)("next/dist/compiled/busboy") as BusboyFactory;

/** Whether the request is a multipart/form-data POST (what a server action with a file sends). */
export function isMultipart(method: string, headers: Headers): boolean {
  return method === "POST" && (headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/**
 * Null when the multipart body parses cleanly, else the parser's reason (for the log; never echoed
 * with request data). `maxFieldBytes` mirrors serverActions.bodySizeLimit.
 */
export async function multipartProblem(headers: Headers, body: ReadableStream<Uint8Array> | null, maxFieldBytes: number): Promise<string | null> {
  if (!body) return "no body";
  try {
    const parser = busboy({ headers: { "content-type": headers.get("content-type") ?? "" }, defParamCharset: "utf8", limits: { fieldSize: maxFieldBytes } });
    let unnamed = false;
    parser.on("file", (name, stream) => {
      if (typeof name !== "string" || name === "") unnamed = true;
      stream.resume();
    });
    parser.on("field", (name) => {
      if (typeof name !== "string" || name === "") unnamed = true;
    });
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), parser);
    // React's reply decoder reads every part's name: a part without one crashed it.
    return unnamed ? "part without a name" : null;
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 80) : "unreadable";
  }
}

/** Whether a URL path's percent-escapes decode to UTF-8 (Next.js answers 500 to `/accounts/%E0%A4`). */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
