// Issue 18: « Mes sessions » shows which browser a session is, so a user recognises their own devices.
// Only a display hint (nothing is decided on it, and clients may send anything), hence a few lines
// rather than a full user-agent parser dependency (README, Security model).

const browsers: Array<[name: string, pattern: RegExp]> = [
  ["Edge", /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ["Opera", /\bOPR\/(\d+)/],
  ["Samsung Internet", /\bSamsungBrowser\/(\d+)/],
  ["Firefox", /\b(?:Firefox|FxiOS)\/(\d+)/],
  ["Chrome", /\b(?:HeadlessChrome|Chrome|Chromium|CriOS)\/(\d+)/],
  ["Safari", /\bVersion\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//],
];

const systems: Array<[name: string, pattern: RegExp]> = [
  ["Android", /\bAndroid\b/],
  ["iOS", /\b(?:iPhone|iPad|iPod)\b/],
  ["Windows", /\bWindows\b/],
  ["macOS", /\bMac OS X\b|\bMacintosh\b/],
  ["ChromeOS", /\bCrOS\b/],
  ["Linux", /\bLinux\b/],
];

/**
 * A short "browser major · system" summary of a User-Agent header, e.g. "Firefox 128 · Windows";
 * "Chrome 131 · Linux". Unknown parts are left out; an empty or unrecognised header gives "?".
 * At most 100 characters whatever the input.
 */
export function userAgentSummary(header: string | null | undefined): string {
  const ua = (header ?? "").slice(0, 512);
  let browser: string | undefined;
  for (const [name, pattern] of browsers) {
    const match = pattern.exec(ua);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  const system = systems.find(([, pattern]) => pattern.test(ua))?.[0];
  const parts = [browser ?? (ua.startsWith("curl/") ? "curl" : undefined), system].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ").slice(0, 100) : "?";
}
