// Where mail goes: an SMTP server through nodemailer when SMTP_URL is set; otherwise .eml files in
// LEDE_MAIL_DIR, one per outbox message, that a developer opens in any mail client. Both build the
// same RFC 5322 message with nodemailer.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { SendMailOptions, Transporter } from "nodemailer";
import type { OutboxMessage } from "./outbox.ts";

export interface MailTransport {
  /** "smtp" or "files", for logs. */
  readonly name: string;
  /** Sends one message; throws when it was not accepted. */
  send(message: OutboxMessage): Promise<void>;
  close(): void;
}

/** A failure that sending again cannot fix (an SMTP 5xx reply): the message goes dead at once. */
export const isPermanentFailure = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { permanent?: unknown }).permanent === true;

export interface TransportOptions {
  /** The From header. */
  from: string;
  /** The domain of Message-IDs (the public URL's host). */
  messageIdDomain: string;
}

/** nodemailer's transporter, imported and made for the first message (not while the server starts). */
function transporter(options: Parameters<typeof import("nodemailer").createTransport>[0]): {
  made: () => Promise<Transporter>;
  close: () => void;
} {
  let making: Promise<Transporter> | undefined;
  return {
    made: () => (making ??= import("nodemailer").then(({ createTransport }) => createTransport(options))),
    close: () => void making?.then((made) => made.close()),
  };
}

function mailOptions(message: OutboxMessage, options: TransportOptions): SendMailOptions {
  return {
    from: options.from,
    to: message.recipient,
    subject: message.subject,
    text: message.textBody,
    ...(message.htmlBody && { html: message.htmlBody }),
    headers: message.headers,
    // One Message-ID per outbox row: should a message go out twice (a sender dying between
    // sending and recording it), mail clients see the same message twice and show it once.
    messageId: `<${message.id}@${options.messageIdDomain}>`,
  };
}

export function smtpTransport(url: string, options: TransportOptions): MailTransport {
  // Timeouts well under the dispatcher's lease, so that a message is never sending when the
  // lease runs out and another dispatcher takes it.
  const smtp = transporter({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    name: "smtp",
    async send(message) {
      await (await smtp.made()).sendMail(mailOptions(message, options));
    },
    close: smtp.close,
  };
}

/** The .eml file name of a message: its idempotency key, made safe for any file system. */
export const emlFileName = (message: Pick<OutboxMessage, "idempotencyKey">) =>
  `${message.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, "_")}.eml`;

export function fileTransport(dir: string, options: TransportOptions): MailTransport {
  const composer = transporter({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    name: "files",
    async send(message) {
      const info = await (await composer.made()).sendMail(mailOptions(message, options));
      await mkdir(dir, { recursive: true });
      // Written aside, then renamed: a reader never sees half a file, and sending a message
      // again replaces its file instead of adding one.
      const file = join(dir, emlFileName(message));
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, info.message as Buffer);
      await rename(partial, file);
    },
    close: composer.close,
  };
}

export function createMailTransport(config: {
  smtpUrl: string | undefined;
  mailDir: string;
  from: string;
  publicUrl: string;
}): MailTransport {
  const options = { from: config.from, messageIdDomain: new URL(config.publicUrl).hostname || "localhost" };
  return config.smtpUrl ? smtpTransport(config.smtpUrl, options) : fileTransport(config.mailDir, options);
}
