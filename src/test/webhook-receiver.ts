import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
}

interface PathTraffic {
  /** Requests that arrived and are not answered yet. */
  open: number;
  /** The most that were open at once. */
  mostAtOnce: number;
  /** Requests the sender gave up on (closed) before they were answered. */
  abandoned: number;
}

/**
 * A real HTTP server that receives webhooks (or anything POSTed, such as e-mail API calls): it
 * records each request and answers, `answerAfterMs` later, with the next status of `statuses`
 * (then 200). Requests to a held path wait, unanswered, until `release()`.
 */
export function setupWebhookReceiver({ answerAfterMs = 0 } = {}) {
  const received: ReceivedWebhook[] = [];
  const statuses: number[] = [];
  const held = new Set<string>();
  const waiting: (() => void)[] = [];
  const traffic = new Map<string, PathTraffic>();
  let server: http.Server | undefined;
  let url = '';

  const trafficAt = (path: string) => {
    let entry = traffic.get(path);
    if (!entry) traffic.set(path, (entry = { open: 0, mostAtOnce: 0, abandoned: 0 }));
    return entry;
  };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const path = req.url ?? '/';
      const counts = trafficAt(path);
      counts.open += 1;
      counts.mostAtOnce = Math.max(counts.mostAtOnce, counts.open);
      let answered = false;
      res.once('close', () => {
        counts.open -= 1;
        if (!answered) counts.abandoned += 1;
      });
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          path,
          headers: Object.fromEntries(
            Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
          ),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const status = statuses.shift() ?? 200;
        const answer = () => {
          answered = true;
          res.writeHead(status, { 'content-type': 'text/plain' });
          res.end(status < 300 ? 'thanks' : 'receiver is having a bad day');
        };
        if (held.has(path)) waiting.push(answer);
        else setTimeout(answer, answerAfterMs);
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
    /** Requests to this path are left unanswered until release(). */
    hold: (path: string) => held.add(path),
    /** Answers every held request, and holds no path any longer. */
    release: () => {
      held.clear();
      for (const answer of waiting.splice(0)) answer();
    },
    /** What went on at a path: requests open now, the most at once, the ones given up on. */
    traffic: (path: string): Readonly<PathTraffic> => ({ ...trafficAt(path) }),
    reset: () => {
      received.length = 0;
      statuses.length = 0;
    },
  };
}
