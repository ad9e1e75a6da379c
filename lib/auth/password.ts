import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP-recommended minimum cost (19 MiB, 2 passes).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, options);
}

// A hash of a random string, verified when the username is unknown so that a wrong username
// and a wrong password take the same time.
let dummyHash: Promise<string> | undefined;

export async function verifySecret(storedHash: string | null | undefined, secret: string): Promise<boolean> {
  dummyHash ??= hash(crypto.randomUUID(), options);
  const target = storedHash ?? (await dummyHash);
  try {
    const ok = await verify(target, secret);
    return ok && Boolean(storedHash);
  } catch {
    // A malformed stored hash is a failed verification, never a crash of the sign-in.
    return false;
  }
}
