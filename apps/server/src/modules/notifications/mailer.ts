import nodemailer from 'nodemailer';
import { ConnectorError } from '../publishing/connectors/types';

export type MailMessage = { to: string[]; subject: string; text: string };

/** Sends email; the app uses SMTP, tests may pass their own. */
export type Mailer = { send(message: MailMessage): Promise<void> };

/**
 * An SMTP mailer from a URL such as `smtps://user:pass@smtp.example.com:465` or
 * `smtp://smtp.example.com:587` (STARTTLS when the server offers it).
 */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      try {
        await transport.sendMail({
          from,
          to: message.to.join(', '),
          subject: message.subject,
          text: message.text,
        });
      } catch (err) {
        // A 5xx reply (unknown mailbox, relay refused) will not get better by trying again.
        const code = (err as { responseCode?: number }).responseCode;
        const text = err instanceof Error ? err.message : String(err);
        if (typeof code === 'number' && code >= 500)
          throw new ConnectorError('permanent', `SMTP refused the message: ${text}`);
        throw new ConnectorError('transient', `SMTP: ${text}`);
      }
    },
  };
}
