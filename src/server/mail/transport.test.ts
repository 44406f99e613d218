import net, { type AddressInfo } from 'node:net';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { devMailbox } from './mailbox';
import { composeMail } from './message';
import { createMailTransport, MAIL_SEND_TIMEOUT_MS, type MailSettings } from './transport';

const logger = pino({ level: 'silent' });
const message = composeMail({
  to: 'ada@example.com',
  subject: 'Hello <there>',
  paragraphs: ['Dear <b>Ada</b> & co'],
  action: { label: 'Open', url: 'https://crm.example.com/x?token=abc&y=1' },
});
const settings = (overrides: Partial<MailSettings>): MailSettings => ({
  transport: 'log',
  from: 'Clientele <no-reply@crm.example.com>',
  logBodies: false,
  ...overrides,
});

describe('composeMail', () => {
  it('writes the same content as text and as escaped HTML', () => {
    expect(message.text).toContain('Dear <b>Ada</b> & co');
    expect(message.text).toContain('Open: https://crm.example.com/x?token=abc&y=1');
    expect(message.html).toContain('Dear &#60;b&#62;Ada&#60;/b&#62; &#38; co');
    expect(message.html).not.toContain('<b>Ada');
  });
});

describe('the HTTP provider transport', () => {
  const received: { auth: string | null; body: unknown }[] = [];
  let status = 200;
  const provider = setupServer(
    http.post('https://mail.example.test/emails', async ({ request }) => {
      received.push({ auth: request.headers.get('authorization'), body: await request.json() });
      return status === 200
        ? HttpResponse.json({ id: 'msg_1' })
        : new HttpResponse('rate limited', { status });
    }),
  );
  beforeAll(() => provider.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    received.length = 0;
    status = 200;
  });
  afterAll(() => provider.close());

  const send = createMailTransport(
    settings({
      transport: 'http',
      httpUrl: 'https://mail.example.test/emails',
      httpToken: 're_secret',
    }),
    logger,
  );

  it("posts Resend's JSON with the bearer token", async () => {
    await send(message);
    expect(received).toEqual([
      {
        auth: 'Bearer re_secret',
        body: {
          from: 'Clientele <no-reply@crm.example.com>',
          to: ['ada@example.com'],
          subject: 'Hello <there>',
          text: message.text,
          html: message.html,
        },
      },
    ]);
  });

  it('fails (so the job is retried) when the provider refuses', async () => {
    status = 429;
    await expect(send(message)).rejects.toThrow(/429/);
  });
});

describe('the SMTP transport', () => {
  it('delivers to an SMTP server', async () => {
    const messages: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          messages.push(data);
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    try {
      await createMailTransport(
        settings({ transport: 'smtp', smtpUrl: `smtp://127.0.0.1:${port}` }),
        logger,
      )(message);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('Subject: Hello <there>');
      expect(messages[0]).toContain('To: ada@example.com');
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
  it('gives up on a server that never answers within the send timeout (the job expires soon after)', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const started = performance.now();
    try {
      await expect(
        createMailTransport(
          settings({ transport: 'smtp', smtpUrl: `smtp://127.0.0.1:${port}` }),
          logger,
        )(message),
      ).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(MAIL_SEND_TIMEOUT_MS + 5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  }, 60_000);
});

describe('the development mailbox', () => {
  it('keeps messages, newest first', async () => {
    const send = createMailTransport(settings({ transport: 'mailbox' }), logger);
    await send({ ...message, subject: 'first' });
    await send({ ...message, subject: 'second' });
    expect(
      devMailbox()
        .slice(0, 2)
        .map((m) => m.subject),
    ).toEqual(['second', 'first']);
  });
});
