import "server-only";
import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP-recommended minimum cost (19 MiB, 2 passes).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// At most one argon2 computation per core but one (the event loop that renders pages needs a core too).
// More cannot finish sooner, but each holds 19 MiB and one of libuv's 4 threads, which every page also
// needs (WebCrypto for the session cookie, file reads): 10 concurrent sign-ins peaked at +75 MB of RSS,
// +38 MB with two at a time, in the same time (docs/PERFORMANCE.md).
const maxConcurrent = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function hashSecret(secret: string): Promise<string> {
  return limited(() => hash(secret, options));
}

// A hash of a random string, verified when the username is unknown so that a wrong username
// and a wrong password take the same time.
let dummyHash: Promise<string> | undefined;

export async function verifySecret(storedHash: string | null | undefined, secret: string): Promise<boolean> {
  dummyHash ??= hashSecret(crypto.randomUUID());
  const target = storedHash ?? (await dummyHash);
  try {
    const ok = await limited(() => verify(target, secret));
    return ok && Boolean(storedHash);
  } catch {
    // A malformed stored hash is a failed verification, never a crash of the sign-in.
    return false;
  }
}
