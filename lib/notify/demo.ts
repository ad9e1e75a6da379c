import "server-only";

/**
 * « Courriels envoyés » exists only in the demo without SMTP_URL (issue 16): the outbox then keeps the
 * mails so trainers can show them. With demo data off (CHAMAN_SEED=none) or a real SMTP server, never.
 */
export function demoOutboxEnabled(): boolean {
  return !process.env.SMTP_URL && process.env.CHAMAN_SEED !== "none";
}
