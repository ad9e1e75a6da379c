// A signed-in persona over plain HTTP (no browser): pages, route handlers and server actions.
import { actionId, callServerAction, signInCookie, type ActionResponse } from "./server-actions";

export type Outcome = "signin" | "refused" | "invalid" | "ok";

// Refusals that say "you may not" or "there is no such thing for you" (never which one exists).
const authorisationRefusals = /"key":"errors\.(access\.denied|not-found|auth\.required|account\.certificates-delegated)"/;

export class HttpSession {
  private constructor(
    readonly baseUrl: string,
    readonly name: string,
    readonly cookie: string,
  ) {}

  static anonymous(baseUrl: string): HttpSession {
    return new HttpSession(baseUrl, "anonymous", "");
  }

  static async signIn(baseUrl: string, username: string): Promise<HttpSession> {
    const cookie = await signInCookie(baseUrl, username, "demo", `10.200.0.${username.length}`);
    if (!cookie) throw new Error(`${username} could not sign in`);
    return new HttpSession(baseUrl, username, cookie);
  }

  async get(path: string): Promise<Response> {
    return fetch(new URL(path, this.baseUrl), { redirect: "manual", headers: this.cookie ? { Cookie: this.cookie } : {} });
  }

  async html(path: string): Promise<string> {
    const response = await this.get(path);
    if (response.status !== 200) throw new Error(`${this.name} GET ${path}: ${response.status}`);
    return response.text();
  }

  async action(file: string, name: string, page: string, args: unknown[]): Promise<ActionResponse> {
    return callServerAction({ baseUrl: this.baseUrl, page, id: actionId(file, name), args, cookie: this.cookie });
  }
}

/** What a server action's answer means: sent to sign in, refused for lack of rights, refused input, or done. */
export function outcomeOf(response: ActionResponse): Outcome {
  if ((response.status === 307 || response.status === 303 || response.redirect) && (response.redirect ?? "").includes("/login")) return "signin";
  if (response.status === 403 || response.status === 404) return "refused";
  // A body the server cannot parse (proxy.ts: malformed multipart) is refused input.
  if (response.status === 400) return "invalid";
  if (authorisationRefusals.test(response.body)) return "refused";
  if (/"status":"error"/.test(response.body)) return "invalid";
  if (/"status":"success"/.test(response.body) || response.redirect) return "ok";
  throw new Error(`unclassified answer ${response.status}: ${response.body.slice(0, 300)}`);
}

/** The text a page shows (tags, scripts and per-request nonces removed), to compare before/after. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export function uuidsAfter(html: string, prefix: string): string[] {
  return [...new Set([...html.matchAll(new RegExp(`${prefix}(${uuid})`, "g"))].map((m) => m[1]!))];
}
