import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import path from "node:path";

/** Environment variables read at start (a subset of NodeJS.ProcessEnv, so tests can pass plain objects). */
export type StartupEnv = Partial<Record<"NODE_ENV" | "AUTH_SECRET" | "AUTH_SECRET_1" | "AUTH_SECRET_2" | "AUTH_SECRET_3" | "DATABASE_URL" | "CHAMAN_DATA_DIR", string>>;

/** Auth.js encrypts session cookies with a key derived from AUTH_SECRET: below 32 bytes it is guessable. */
export const MIN_AUTH_SECRET_BYTES = 32;

/** Creates `dir` and its missing parents one by one (Node 20's recursive mkdir never returns on some file systems, e.g. /proc). */
function makeFolder(dir: string): void {
  if (existsSync(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) makeFolder(parent);
  mkdirSync(dir);
}

/** Whether `dir` exists (or can be created) and this process may create files in it. */
export function folderWritable(dir: string): boolean {
  try {
    makeFolder(dir);
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * What keeps the server from starting safely, as ONE line for the operator, or null when nothing does:
 * - production (`NODE_ENV=production`) without AUTH_SECRET, or with one (or a rotation AUTH_SECRET_1…3)
 *   shorter than 32 bytes (UTF-8);
 * - a DATABASE_URL that is not a `postgres://` / `postgresql://` URL with a host;
 * - without DATABASE_URL, a CHAMAN_DATA_DIR (default ./data) this process cannot create files in.
 * `writable` is injectable for tests.
 */
export function startupProblem(env: StartupEnv, writable: (dir: string) => boolean = folderWritable): string | null {
  const problems: string[] = [];
  if (env.NODE_ENV === "production") {
    const fix = `set it to a random value of at least ${MIN_AUTH_SECRET_BYTES} bytes, e.g. AUTH_SECRET=$(openssl rand -base64 32)`;
    if (!env.AUTH_SECRET) problems.push(`AUTH_SECRET is not set: ${fix}`);
    for (const name of ["AUTH_SECRET", "AUTH_SECRET_1", "AUTH_SECRET_2", "AUTH_SECRET_3"] as const) {
      const value = env[name];
      const bytes = value ? Buffer.byteLength(value, "utf8") : 0;
      if (value && bytes < MIN_AUTH_SECRET_BYTES) problems.push(`${name} has ${bytes} bytes: ${fix}`);
    }
  }
  if (env.DATABASE_URL) {
    let url: URL | null = null;
    try {
      url = new URL(env.DATABASE_URL);
    } catch {
      url = null;
    }
    if (!url || !["postgres:", "postgresql:"].includes(url.protocol) || !url.hostname) {
      // The value may hold a password: it is not repeated.
      problems.push("DATABASE_URL is not a PostgreSQL URL: use postgres://user:password@host:5432/database (or unset it for the embedded database)");
    }
  } else {
    const dir = path.resolve(/*turbopackIgnore: true*/ env.CHAMAN_DATA_DIR || "data");
    if (!writable(dir)) problems.push(`CHAMAN_DATA_DIR ${dir} is not writable by this process: create it and give this user write access, or point CHAMAN_DATA_DIR elsewhere`);
  }
  return problems.length ? problems.join("; ") : null;
}
