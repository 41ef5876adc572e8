import type { Transporter } from 'nodemailer';
import type { Config } from '../../config.js';
import type { Language } from '../catalogue.js';
import type { Email } from './render.js';

export interface OutgoingMail {
  /** The outbox row, for the log and the Message-ID. */
  emailId: number;
  to: { name: string; address: string };
  email: Email;
  language: Language;
  kinds: string[];
}

export interface MailLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Where emails go: an SMTP server, or the log when none is configured. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Thrown for a refusal that no retry will change (a 5xx reply: no such mailbox, address refused). */
export class PermanentMailError extends Error {}

function refusal(error: unknown): Error {
  const code = (error as { responseCode?: number }).responseCode;
  const message = error instanceof Error ? error.message : String(error);
  return code !== undefined && code >= 500 && code < 600 ? new PermanentMailError(message) : new Error(message);
}

/**
 * The configured mailer. With SMTP_URL, a pool of SMTP connections; each message has a stable
 * Message-ID from its outbox row, so that a message sent again after a crash can be recognised as
 * the same one. Without it, each email is written to the log with no address, name or text.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>, log: MailLog): Mailer {
  const host = new URL(config.publicUrl).hostname || 'crossroads';
  if (!config.smtpUrl) {
    return {
      async send(mail) {
        log.info(
          { email: mail.emailId, kinds: mail.kinds, language: mail.language },
          'email not sent: no SMTP_URL is configured (recipient and text left out of the log)',
        );
      },
      close() {},
    };
  }
  const smtpUrl = config.smtpUrl;
  // The library loads with the first email, not with the server.
  let opened: Promise<Transporter> | undefined;
  const transport = () =>
    (opened ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: smtpUrl,
        pool: true,
        maxConnections: 4,
        // Well within the lease on a claimed email (see deliver.ts), so that no other instance takes it while it is sent.
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      }),
    ));
  return {
    async send(mail) {
      const headers: Record<string, string> = {};
      if (mail.email.unsubscribeUrl) {
        headers['List-Unsubscribe'] = `<${mail.email.unsubscribeUrl}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      try {
        await (await transport()).sendMail({
          from: config.mailFrom,
          to: { name: mail.to.name, address: mail.to.address },
          subject: mail.email.subject,
          text: mail.email.text,
          html: mail.email.html,
          messageId: `<notification-${mail.emailId}@${host}>`,
          headers: { ...headers, 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw refusal(error);
      }
    },
    close() {
      opened?.then((open) => open.close()).catch(() => {});
    },
  };
}
