// The browser receives the messages its client components translate. Without a `messages` prop, next-intl's
// NextIntlClientProvider serialises the whole catalogue into every page's React Server Components payload,
// which the HTML then inlines: ~100 kB of each signed-in page was messages, re-encoded on every request
// (docs/PERFORMANCE.md). The namespaces below are only ever rendered on the server — journal sentences,
// e-mails, the to-do list, the trainer kit, « Gestionnaires », the transfer waiting list — so they stay
// there. lib/i18n/client-messages.test.ts fails when a client component or an action's message key
// starts using one of them.

/** Namespaces (messages/<locale>/<namespace>.json) no client component uses. */
export const SERVER_ONLY_NAMESPACES: readonly string[] = ["journal-events", "journal", "mail", "trainer", "managers", "notify", "transfer-waiting"];

/**
 * The part of a locale's messages (as next-intl's getMessages() returns them: namespace → tree) that the
 * browser needs: every namespace but SERVER_ONLY_NAMESPACES. A namespace added later goes to the
 * browser unless listed, so forgetting it costs bytes, never a missing text.
 */
export function clientMessages<T extends Record<string, unknown>>(messages: T): Partial<T> {
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => !SERVER_ONLY_NAMESPACES.includes(namespace))) as Partial<T>;
}
