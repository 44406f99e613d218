import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openConnection } from '@/server/db/connection';
import { emptyWebhooksTenant, seedWebhooksTenant, type TenantCredentials } from '../seed';
import { apiServerEnv, startServer, stopServer } from '../servers';
import { atLeast, measure, type BenchContext, type CaseReport } from './case';
import { newCustomerBodies, REST, restHeaders } from './requests';

/** Events, each delivered to every one of the endpoints (paths of one receiver). */
const EVENTS = 125;
const ENDPOINTS = 8;
/** Deliveries are counted for at most this long after the first one arrives. */
const MAX_SECONDS = 30;
/** Plain POSTs in flight at once in the baseline. */
const BASELINE_CONCURRENCY = 16;

interface Arrival {
  at: number;
  body: string;
  headers: Record<string, string>;
}

/** A receiver on 127.0.0.1 that answers every POST at once with 200 and notes its arrival. */
async function startReceiver() {
  const arrivals: Arrival[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      arrivals.push({
        at: performance.now(),
        body: Buffer.concat(chunks).toString('utf8'),
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
        ),
      });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Runs `task` for 0…count-1, `concurrency` at a time. */
async function inParallel(count: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

async function restPost(origin: string, tenant: TenantCredentials, path: string, body: unknown) {
  const response = await fetch(`${origin}${REST}${path}`, {
    method: 'POST',
    headers: { ...restHeaders(tenant), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} → ${response.status} ${await response.text()}`);
}

/** One POST on a connection of its own, as the webhook sender makes them. */
function plainPost(url: string, arrival: Arrival): Promise<void> {
  const { 'content-type': contentType, ...headers } = arrival.headers;
  delete headers['content-length'];
  delete headers.host;
  delete headers.connection;
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': contentType ?? 'application/json',
          'content-length': Buffer.byteLength(arrival.body),
        },
        agent: false,
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`the receiver answered ${response.statusCode}`)),
        );
      },
    );
    request.on('error', reject);
    request.end(arrival.body);
  });
}

/** Per second, from the first arrival to the last (the first marks the start). */
function perSecond(arrivals: Arrival[]): number {
  if (arrivals.length < 2) return 0;
  const seconds = (arrivals.at(-1)!.at - arrivals[0]!.at) / 1000;
  return (arrivals.length - 1) / seconds;
}

/**
 * Webhook deliveries to a local receiver that answers at once. One instance without workers
 * queues events for ENDPOINTS endpoints; then an instance that works the queues delivers them,
 * counted from the first arrival to the last (or for MAX_SECONDS). The baseline is the same
 * number of POSTs of the same signed bodies from the bench process, BASELINE_CONCURRENCY at a
 * time on connections of their own, as the sender makes them.
 */
export async function webhooksCase(ctx: BenchContext): Promise<CaseReport> {
  const databaseUrl = ctx.database.databaseUrl!;
  const connection = await openConnection({ databaseUrl, maxConnections: 2 });
  const receiver = await startReceiver();
  const events = EVENTS;
  const expected = events * ENDPOINTS;
  const env = {
    ...apiServerEnv(ctx.database),
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
  };
  try {
    const tenant = await seedWebhooksTenant(connection.db);

    const queuing = await startServer('clientele-api.ts', env);
    try {
      for (let i = 0; i < ENDPOINTS; i++) {
        await restPost(queuing.origin, tenant, '/webhooks', {
          url: receiver.url + `/endpoint-${i}`,
          eventTypes: ['customer.created'],
        });
      }
      const body = newCustomerBodies();
      ctx.log(`  queuing ${events} events for ${ENDPOINTS} endpoints`);
      await inParallel(events, 8, () => restPost(queuing.origin, tenant, '/customers', body()));
    } finally {
      await stopServer(queuing);
    }

    ctx.log(`  delivering ${expected} webhooks`);
    const delivering = await startServer('clientele-api.ts', { ...env, START_WORKERS: 'true' });
    let cappedAt: number | undefined;
    try {
      for (;;) {
        const first = receiver.arrivals[0]?.at;
        if (receiver.arrivals.length >= expected) break;
        if (first !== undefined && performance.now() - first > MAX_SECONDS * 1000) {
          cappedAt = receiver.arrivals.length;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await stopServer(delivering);
    }
    const delivered = receiver.arrivals.splice(0, cappedAt ?? expected);
    const deliveriesPerSecond = perSecond(delivered);

    ctx.log(`  ${expected} plain POSTs, ${BASELINE_CONCURRENCY} at a time`);
    receiver.arrivals.length = 0;
    const target = `${receiver.url}/plain`;
    const sample = delivered[0]!;
    await inParallel(expected, BASELINE_CONCURRENCY, () => plainPost(target, sample));
    const postsPerSecond = perSecond(receiver.arrivals);
    const ratio = deliveriesPerSecond / postsPerSecond;

    await emptyWebhooksTenant(connection.db, tenant.organizationId);
    const counted = cappedAt === undefined ? 'all' : `${cappedAt} (stopped after ${MAX_SECONDS} s)`;
    return {
      name: 'webhooks',
      title: 'Webhook deliveries',
      description:
        `${events} customers created, each event delivered to ${ENDPOINTS} endpoints of a ` +
        'receiver on 127.0.0.1 that answers 200 at once, by one instance working the queues; ' +
        `the baseline POSTs the same signed bodies from one process, ${BASELINE_CONCURRENCY} ` +
        'at a time, on connections of their own.',
      tables: [
        {
          columns: ['variant', 'requests', 'counted', 'per second', '× plain POSTs'],
          rows: [
            ['plain POSTs (node:http)', String(expected), 'all', postsPerSecond.toFixed(0), '1.00'],
            [
              'webhook deliveries',
              String(expected),
              counted,
              deliveriesPerSecond.toFixed(1),
              ratio.toFixed(3),
            ],
          ],
        },
      ],
      measures: [
        measure({
          case: 'webhooks',
          key: 'webhooks.deliveriesVsPlainPosts',
          label: 'webhook deliveries per second × plain POSTs',
          value: ratio,
          unit: '×',
          target: atLeast(0.1),
          ratio: true,
        }),
      ],
      results: { events, endpoints: ENDPOINTS, cappedAt, deliveriesPerSecond, postsPerSecond },
    };
  } finally {
    await receiver.close();
    await connection.close();
  }
}
