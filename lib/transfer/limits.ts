/**
 * Configurable limits of the batch servers (issue 15). Environment variables, read once per process:
 * - CHAMAN_TRANSFER_MAX_FILE_BYTES: largest file a sender may upload (default 100 MiB);
 * - CHAMAN_TRANSFER_QUOTA_BYTES: bytes a sender may keep in its six folders (default 1 GiB).
 */
export interface TransferLimits {
  maxFileBytes: number;
  quotaBytes: number;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

let limits: TransferLimits | undefined;

export function transferLimits(): TransferLimits {
  limits ??= {
    maxFileBytes: positive(process.env.CHAMAN_TRANSFER_MAX_FILE_BYTES, 100 * 1024 * 1024),
    quotaBytes: positive(process.env.CHAMAN_TRANSFER_QUOTA_BYTES, 1024 * 1024 * 1024),
  };
  return limits;
}

/** Tests set smaller limits. */
export function setTransferLimits(next: TransferLimits): void {
  limits = next;
}
