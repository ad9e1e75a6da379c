import { createRequire } from "node:module";
import path from "node:path";

// next-intl finds its request configuration through the alias `next-intl/config`. Its Next plugin does no
// more than set it for this app, but loading the plugin loads its message extractor too (@swc/core and a
// file watcher, ~30 MB resident in the production server, docs/PERFORMANCE.md), so the alias is set here.
//
// Messages are compiled once on the server (lib/i18n/load-messages.ts), so next-intl formats them with
// use-intl's format-only variant and no ICU parser reaches the browser: what next-intl's own
// `experimental.messages.precompile` does, which only works with its one-file-per-locale catalogs.
// Turbopack wants a "./" path here (vercel/next.js#88540, as in next-intl's plugin).
const formatOnly = `./${path.relative(process.cwd(), createRequire(import.meta.url).resolve("use-intl/format-message/format-only"))}`;

// Plain JavaScript: a next.config.ts is compiled at every server start with SWC's native module, which then
// stays resident (~24 MB).
/** @type {import("next").NextConfig} */
const nextConfig = {
  turbopack: { resolveAlias: { "next-intl/config": "./lib/i18n/request.ts", "use-intl/format-message": formatOnly } },
  // Native or WASM packages that must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "proper-lockfile", "@node-rs/argon2", "pg", "sshpk", "ssh2", "ftp-srv", "pkijs"],
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (CLI and tests included) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP 403.
    authInterrupts: true,
    // Certificates are at most 64 KiB; leave room for the other fields of the form.
    serverActions: { bodySizeLimit: "256kb" },
  },
};

export default nextConfig;
