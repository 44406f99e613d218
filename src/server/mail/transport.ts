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

/** Sending one message may take this long, by any transport (the mail job expires soon after). */
export const MAIL_SEND_TIMEOUT_MS = 10_000;

/**
 * Where mail goes: an SMTP server, an HTTP e-mail API that takes Resend's JSON
 * ({from, to, subject, text, html} with a bearer token), the development mailbox, or the log.
 * A failure, or no answer within MAIL_SEND_TIMEOUT_MS, throws, so the job is retried.
 */
export function createMailTransport(settings: MailSettings, logger: Logger): SendMail {
  switch (settings.transport) {
    case 'smtp': {
      const smtp = nodemailer.createTransport({
        url: settings.smtpUrl,
        connectionTimeout: MAIL_SEND_TIMEOUT_MS,
        greetingTimeout: MAIL_SEND_TIMEOUT_MS,
        socketTimeout: MAIL_SEND_TIMEOUT_MS,
        dnsTimeout: MAIL_SEND_TIMEOUT_MS,
      });
      // The timeouts above bound each step; this bounds the whole conversation.
      return (message) =>
        within(MAIL_SEND_TIMEOUT_MS, smtp.sendMail({ from: settings.from, ...message }));
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
          signal: AbortSignal.timeout(MAIL_SEND_TIMEOUT_MS),
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

/** Resolves as work does, or rejects once ms have passed without it settling. */
async function within(ms: number, work: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The SMTP server did not take the message within ${ms / 1000} s`)),
      ms,
    );
  });
  try {
    await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
