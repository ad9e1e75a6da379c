// The « Type d'action » filter of the journal (issue 13): kinds in words, each a set of action-code
// prefixes. Every code of lib/audit/actions.ts falls in exactly one kind (lib/audit/actions.test.ts).
export const JOURNAL_KINDS = {
  accounts: ["account."],
  certificates: ["certificate."],
  delegations: ["delegation."],
  access: ["quality.", "role.", "chaman-right.", "membership."],
  contact: ["contact."],
  "sign-ins": ["auth."],
  transfers: ["transfer."],
  mail: ["mail."],
  oauth: ["oauth."],
  admin: ["admin."],
} as const satisfies Record<string, readonly string[]>;

export type JournalKind = keyof typeof JOURNAL_KINDS;

/** The kind an action code belongs to, or undefined for a code outside every kind. */
export function kindOfAction(action: string): JournalKind | undefined {
  return (Object.keys(JOURNAL_KINDS) as JournalKind[]).find((kind) => JOURNAL_KINDS[kind].some((prefix) => action.startsWith(prefix)));
}
