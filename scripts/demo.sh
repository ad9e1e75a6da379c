#!/usr/bin/env bash
# Builds and serves the app on http://localhost:3000 with the embedded database (PGlite in ./data).
# The server migrates the database and writes the demo data when it is empty.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ ! -d node_modules ]; then npm ci --no-audit --no-fund; fi
# A random session secret, kept out of git in .env.local (Next loads it at start).
if ! grep -qs '^AUTH_SECRET=' .env.local; then
  echo "AUTH_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))')" >> .env.local
fi
npx next build
# The server's live heap is ~60 MB; without a cap V8 lets garbage pile up to ~250 MB before collecting,
# which took the server past 400 MB of RSS under load (docs/PERFORMANCE.md). An explicit NODE_OPTIONS wins.
# The SFTP (CHAMAN_SFTP_PORT, 8022) and FTP (CHAMAN_FTP_PORT, 2121) servers start inside the web server.
export CHAMAN_TRANSFER_SERVERS="${CHAMAN_TRANSFER_SERVERS:-all}"
NODE_OPTIONS="${NODE_OPTIONS:---max-old-space-size=256}" exec node scripts/start.mjs -p "${PORT:-3000}"
