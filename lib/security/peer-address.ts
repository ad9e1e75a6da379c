import "server-only";
// Issue 19: the socket's address for route handlers, server actions and pages.
//
// Next.js 16 gives them no access to the socket (NextRequest.ip was removed in 15: "provided by your
// hosting provider"). Its server only fills X-Forwarded-For with the socket's address when the client
// did not send one (`x-forwarded-for ??= socket.remoteAddress`, next/dist/server/base-server.js), so a
// client-sent header would win. We therefore stamp every incoming request, at the Node HTTP server, with
// the socket's address under a header name chosen at random when the process starts: a client cannot
// forge a header whose name it cannot know, and a request without it simply has no known peer.
import http from "node:http";
import https from "node:https";
import { randomBytes } from "node:crypto";
import { parseTrustedProxies, pickClientAddress } from "./client-address";

interface PeerStamp {
  header: string;
  trustedProxies: number;
}

const key = Symbol.for("chaman.peerAddressStamp");
const holder = globalThis as unknown as Record<typeof key, PeerStamp | undefined>;

/**
 * Called once from instrumentation.ts (Node.js runtime): every later "request" event of Node's HTTP(S)
 * servers carries the socket's address in a header only this process knows. Throws when
 * CHAMAN_TRUSTED_PROXIES is not a whole number from 0 to 10, so a typo stops the server at start.
 */
export function installPeerAddressStamp(): void {
  if (holder[key]) return;
  const trusted = parseTrustedProxies(process.env.CHAMAN_TRUSTED_PROXIES);
  if (!trusted.ok) throw new Error("CHAMAN_TRUSTED_PROXIES must be a whole number from 0 to 10 (README: Client address)");
  const stamp: PeerStamp = { header: `x-chaman-peer-${randomBytes(12).toString("hex")}`, trustedProxies: trusted.value };
  for (const ServerClass of [http.Server, https.Server]) {
    const emit = ServerClass.prototype.emit;
    ServerClass.prototype.emit = function stampedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        request.headers[stamp.header] = request.socket.remoteAddress ?? "";
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
  }
  holder[key] = stamp;
}

/**
 * The client's address for a request's headers (Web `Headers`, as next/headers and route handlers give
 * them): the socket's address, or with CHAMAN_TRUSTED_PROXIES = N the N-th X-Forwarded-For entry from
 * the right. Null when unknown (requests received while the server was starting, tests without a
 * server) or not a valid IP address. lib/security/client-address.ts has the rules.
 */
export function clientAddressOf(headers: Pick<Headers, "get">): string | null {
  const stamp = holder[key];
  if (!stamp) return null;
  return pickClientAddress({
    peer: headers.get(stamp.header),
    forwardedFor: headers.get("x-forwarded-for"),
    trustedProxies: stamp.trustedProxies,
  });
}
