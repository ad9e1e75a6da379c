// Sign-in throttling (issue 6), in the spirit of SFTPGo's defender: pure policy, unit-tested.

export const throttlePolicy = {
  /** Failed attempts for one username within the window before it is locked. */
  perUsername: 5,
  /** Failed attempts from one client address within the window before it is locked. */
  perAddress: 20,
  windowMinutes: 15,
} as const;

export interface RecentFailures {
  /** Failures for this username since its last success, within the window. */
  username: number;
  /** Failures from this address within the window. */
  address: number;
}

export type ThrottleVerdict = { locked: false } | { locked: true; reason: "username" | "address" };

export function throttleVerdict(failures: RecentFailures, policy = throttlePolicy): ThrottleVerdict {
  if (failures.username >= policy.perUsername) return { locked: true, reason: "username" };
  if (failures.address >= policy.perAddress) return { locked: true, reason: "address" };
  return { locked: false };
}

/** True when this failure is the one that locks (so the lock-out is journaled once). */
export function failureLocks(failuresBefore: RecentFailures, policy = throttlePolicy): boolean {
  return (
    failuresBefore.username + 1 === policy.perUsername || failuresBefore.address + 1 === policy.perAddress
  );
}
