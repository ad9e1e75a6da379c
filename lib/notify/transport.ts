import "server-only";
import nodemailer from "nodemailer";

// Issue 16: delivery through a real SMTP server with nodemailer. SMTP_URL carries host, port, TLS mode and
// credentials in nodemailer's URL form: `smtp://user:pass@host:587` (STARTTLS when the server offers it;
// add `?requireTLS=true` to refuse plain text), `smtps://user:pass@host:465` (TLS from the first byte).
// `tls.*` query options reach Node's TLS (e.g. `?tls.rejectUnauthorized=false` for a test server only).

/** What the dispatcher needs of a mail transport; a test may pass its own. */
export interface MailTransport {
  /** Resolves once the SMTP server accepted the message; rejects with the reason otherwise. */
  send(mail: { to: string; subject: string; text: string; html: string; id: number }): Promise<void>;
  close(): void;
}

/** MAIL_FROM, the From of every mail; "Chaman <no-reply@localhost>" by default. */
export function mailFrom(): string {
  return process.env.MAIL_FROM || "Chaman <no-reply@localhost>";
}

const TIMEOUTS = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "30000" };

/** A transport for `url` (default SMTP_URL), or null when none is configured (demo: mails stay in the outbox). */
export function smtpTransport(url: string | undefined = process.env.SMTP_URL || undefined, from: string = mailFrom()): MailTransport | null {
  if (!url) return null;
  // nodemailer reads every transport option from the URL when given one, so the bounded waits go there
  // too (unless SMTP_URL sets them): a dead or hanging server only delays a batch, never an action.
  const withDefaults = new URL(url);
  for (const [key, value] of Object.entries(TIMEOUTS)) if (!withDefaults.searchParams.has(key)) withDefaults.searchParams.set(key, value);
  const transporter = nodemailer.createTransport(withDefaults.toString());
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? "localhost";
  return {
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // A stable Message-ID per outbox row: a retry after an unseen success is recognisable as a duplicate.
        messageId: `<chaman-${mail.id}@${domain}>`,
      });
    },
    close: () => transporter.close(),
  };
}
