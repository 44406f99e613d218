import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { setupWebhookReceiver } from '@/test/webhook-receiver';
import { createSmsTransport, SmsRefusedError, type SmsSettings } from './transport';

const silent = pino({ level: 'silent' });
const message = { to: '+351912345678', text: 'Your Clientele code is 804270' };

describe('the HTTP SMS transport', () => {
  const receiver = setupWebhookReceiver();
  afterEach(() => receiver.reset());

  const send = (overrides: Partial<SmsSettings> = {}) =>
    createSmsTransport(
      {
        transport: 'http',
        httpUrl: receiver.url('/sms'),
        httpToken: 'sms_secret',
        from: 'Clientele',
        logBodies: false,
        ...overrides,
      },
      silent,
    )(message);

  it('posts {from, to, text} as JSON with the bearer token', async () => {
    await send();
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request!.path).toBe('/sms');
    expect(request!.headers.authorization).toBe('Bearer sms_secret');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.body)).toEqual({
      from: 'Clientele',
      to: '+351912345678',
      text: 'Your Clientele code is 804270',
    });
  });

  it('leaves the sender to the provider when SMS_FROM is not set', async () => {
    await send({ from: undefined });
    expect(JSON.parse(receiver.received[0]!.body)).toEqual({
      to: '+351912345678',
      text: 'Your Clientele code is 804270',
    });
  });

  it('throws when the provider fails, so the job is retried', async () => {
    receiver.failNext(500);
    const failure = send();
    await expect(failure).rejects.toThrow(/answered 500/);
    await expect(failure).rejects.not.toBeInstanceOf(SmsRefusedError);
  });

  it('treats 429 as a failure to retry, and other 4xx as a refusal for good', async () => {
    receiver.failNext(429, 400);
    await expect(send()).rejects.not.toBeInstanceOf(SmsRefusedError);
    const refused = send();
    await expect(refused).rejects.toBeInstanceOf(SmsRefusedError);
    await expect(refused).rejects.toMatchObject({ status: 400 });
  });
});

describe('the log transport', () => {
  function loggedBy(logBodies: boolean) {
    const lines: string[] = [];
    const logger = pino(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    return { lines, send: createSmsTransport({ transport: 'log', logBodies }, logger) };
  }

  it('logs the text outside production', async () => {
    const { lines, send } = loggedBy(true);
    await send(message);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).sms).toEqual(message);
  });

  it('logs only the number in production', async () => {
    const { lines, send } = loggedBy(false);
    await send(message);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).sms).toEqual({ to: '+351912345678' });
    expect(lines[0]).not.toContain('804270');
  });
});
