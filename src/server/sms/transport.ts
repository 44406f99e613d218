import type { Logger } from 'pino';
import type { SmsMessage } from '@/server/domain/notifications/channel-jobs';

export type SmsTransportName = 'http' | 'log';

export interface SmsSettings {
  transport: SmsTransportName;
  httpUrl?: string;
  httpToken?: string;
  /** The sender id the provider shows, when it lets the sender choose one. */
  from?: string;
  /** The log transport prints message texts (with their codes) only outside production. */
  logBodies: boolean;
}

export type SendSms = (message: SmsMessage) => Promise<void>;

/** Sending one message may take this long (the job is retried after). */
export const SMS_SEND_TIMEOUT_MS = 10_000;

/**
 * The provider refused this message for good (a 4xx other than 429: a number it cannot reach,
 * a text it will not take). Sending it again would be refused again, so it is not retried.
 */
export class SmsRefusedError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`The SMS API refused the message with ${status}: ${detail}`);
    this.name = 'SmsRefusedError';
  }
}

/**
 * Where SMS goes: an HTTP SMS API that takes JSON `{from, to, text}` with a bearer token, or
 * the log. A failure, or no answer within SMS_SEND_TIMEOUT_MS, throws, so the job is retried.
 */
export function createSmsTransport(settings: SmsSettings, logger: Logger): SendSms {
  switch (settings.transport) {
    case 'http':
      return async (message) => {
        const response = await fetch(settings.httpUrl!, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${settings.httpToken}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ from: settings.from, to: message.to, text: message.text }),
          signal: AbortSignal.timeout(SMS_SEND_TIMEOUT_MS),
        });
        if (response.ok) return;
        const detail = (await response.text()).slice(0, 200);
        if (response.status >= 400 && response.status < 500 && response.status !== 429) {
          throw new SmsRefusedError(response.status, detail);
        }
        throw new Error(`The SMS API answered ${response.status}: ${detail}`);
      };
    case 'log':
      return async (message) => {
        logger.info(
          { sms: { to: message.to, ...(settings.logBodies ? { text: message.text } : {}) } },
          'sms (not delivered: SMS_TRANSPORT is log)',
        );
      };
  }
}
