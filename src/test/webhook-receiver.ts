import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
}

/**
 * A real HTTP server that receives webhooks (or anything POSTed, such as e-mail API calls): it
 * records each request and answers, `answerAfterMs` later, with the next status of `statuses`
 * (then 200).
 */
export function setupWebhookReceiver({ answerAfterMs = 0 } = {}) {
  const received: ReceivedWebhook[] = [];
  const statuses: number[] = [];
  let server: http.Server | undefined;
  let url = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          headers: Object.fromEntries(
            Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
          ),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const status = statuses.shift() ?? 200;
        setTimeout(() => {
          res.writeHead(status, { 'content-type': 'text/plain' });
          res.end(status < 300 ? 'thanks' : 'receiver is having a bad day');
        }, answerAfterMs);
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  return {
    /** The receiver's URL, with a path to tell endpoints apart. */
    url: (path = '/hooks') => `${url}${path}`,
    received,
    /** Answers the next requests with these statuses. */
    failNext: (...codes: number[]) => statuses.push(...codes),
    reset: () => {
      received.length = 0;
      statuses.length = 0;
    },
  };
}
