import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { deliverToMailbox } from './mailbox';
import type { MailMessage } from './message';

export type MailTransportName = 'smtp' | 'http' | 'mailbox' | 'log';

export interface MailSettings {
  transport: MailTransportName;
  from: string;
  smtpUrl?: string;
  httpUrl?: string;
  httpToken?: string;
  /** The log transport prints message bodies (with their links) only outside production. */
  logBodies: boolean;
}

export type SendMail = (message: MailMessage) => Promise<void>;

/**
 * Where mail goes: an SMTP server, an HTTP e-mail API that takes Resend's JSON
 * ({from, to, subject, text, html} with a bearer token), the development mailbox, or the log.
 * A failure throws, so the job is retried.
 */
export function createMailTransport(settings: MailSettings, logger: Logger): SendMail {
  switch (settings.transport) {
    case 'smtp': {
      const smtp = nodemailer.createTransport(settings.smtpUrl);
      return async (message) => {
        await smtp.sendMail({ from: settings.from, ...message });
      };
    }
    case 'http':
      return async (message) => {
        const response = await fetch(settings.httpUrl!, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${settings.httpToken}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ from: settings.from, ...message, to: [message.to] }),
          signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok) {
          throw new Error(
            `The e-mail API answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
          );
        }
      };
    case 'mailbox':
      return async (message) => {
        deliverToMailbox(message);
      };
    case 'log':
      return async (message) => {
        logger.info(
          {
            mail: {
              to: message.to,
              subject: message.subject,
              ...(settings.logBodies ? { text: message.text } : {}),
            },
          },
          'mail (not delivered: MAIL_TRANSPORT is log)',
        );
      };
  }
}
