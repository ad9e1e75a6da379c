// Playwright drives Debian's Chromium (its own browser download cannot reach this network).
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    console.log("[e2e] installing Debian's chromium with apt-get…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  } else {
    console.error(`[e2e] ${chromium} is missing: install it with 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
}
