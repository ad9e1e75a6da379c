// The « Type d'action » filter of the journal (issue 13): kinds in words, each a set of action-code prefixes.
export const JOURNAL_KINDS = {
  accounts: ["account."],
  certificates: ["certificate."],
  delegations: ["delegation."],
  access: ["quality.", "role.", "chaman-right."],
  contact: ["contact."],
  "sign-ins": ["auth."],
  mail: ["mail."],
  oauth: ["oauth."],
} as const satisfies Record<string, readonly string[]>;

export type JournalKind = keyof typeof JOURNAL_KINDS;
