// Test helper: a real SMTP server (smtp-server) on 127.0.0.1 that keeps what it receives, parsed with
// mailparser, so tests check recipient, subject, language and links as a mail client would read them.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createCertificate } from "@/lib/pki/generate";

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** Whether the session was encrypted (TLS or STARTTLS). */
  secure: boolean;
  user: string | undefined;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** nodemailer URL of this sink. */
  url: string;
  close(): Promise<void>;
}

/** A self-signed TLS certificate for "localhost", generated for the test run. */
export async function selfSignedTls(): Promise<{ key: string; cert: string }> {
  const issued = await createCertificate({ subject: { cn: "localhost" }, key: { kind: "RSA", bits: 2048 }, keyUsage: ["digitalSignature", "keyEncipherment"] });
  return { key: issued.privateKeyPem, cert: issued.pem };
}

/**
 * Starts a sink. `mode`: "plain" (no TLS at all), "starttls" (upgrade required by the client URL) or
 * "tls" (implicit TLS, smtps). With `auth`, only that user/password may send. `port` 0 = any free port.
 */
export async function startSmtpSink(options: { mode: "plain" | "starttls" | "tls"; auth?: { user: string; pass: string }; port?: number; tls?: { key: string; cert: string } }): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const tls = options.mode === "plain" ? undefined : (options.tls ?? (await selfSignedTls()));
  const server = new SMTPServer({
    secure: options.mode === "tls",
    ...(tls ? { key: tls.key, cert: tls.cert } : {}),
    disabledCommands: options.mode === "plain" ? ["STARTTLS", ...(options.auth ? [] : ["AUTH"])] : options.auth ? [] : ["AUTH"],
    // Credentials over plain text only in the plain test; otherwise smtp-server refuses AUTH before TLS.
    allowInsecureAuth: options.mode === "plain",
    authOptional: !options.auth,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), secure: session.secure, user: session.user as string | undefined, parsed });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const scheme = options.mode === "tls" ? "smtps" : "smtp";
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : "";
  const query = options.mode === "plain" ? "?ignoreTLS=true" : options.mode === "starttls" ? "?requireTLS=true&tls.rejectUnauthorized=false" : "?tls.rejectUnauthorized=false";
  return {
    port,
    received,
    url: `${scheme}://${credentials}127.0.0.1:${port}${query}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
