import "server-only";

/**
 * Trainer controls (reset, « Date de démonstration ») exist only with demo data: never on an
 * installation started with CHAMAN_SEED=none (issue 17).
 */
export function demoControlsEnabled(): boolean {
  return process.env.CHAMAN_SEED !== "none";
}
