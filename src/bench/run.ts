import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openConnection } from '@/server/db/connection';
import { migrate } from '@/server/db/migrate';
import { closedLoop, median, openLoop, type Target } from './load';
import { cpuSecondsOf, peakRssMbOf } from './proc';
import { seedBenchTenant } from './seed';

/**
 * `npm run bench -- [--customers N] [--seconds S] [--rounds R] [--concurrency C] [--rate Q]`
 *
 * Seeds one tenant with N customers on a PostgreSQL server, then serves the first page of
 * customers.list (50 rows) three ways, each in its own process: through tRPC and through REST
 * (the production /api handler) and through the floor (node:http + postgres.js, same SQL).
 * Variants are run interleaved, round after round, and the medians are compared.
 */
const { values: flags } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    rate: { type: 'string', default: '200' },
    'database-url': { type: 'string' },
    /** Count rate limits in this Redis, as several instances would; default: in memory. */
    'redis-url': { type: 'string' },
  },
});
const customers = Number(flags.customers);
const seconds = Number(flags.seconds);
const rounds = Number(flags.rounds);
const concurrency = Number(flags.concurrency);
const rate = Number(flags.rate);
const serverUrl =
  flags['database-url'] ??
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

const log = (message: string) => process.stderr.write(`${message}\n`);

async function benchDatabaseUrl(): Promise<string> {
  const name = `clientele_bench_${customers}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function startServer(file: string, env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'servers', file), {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}

async function main() {
  const databaseUrl = await benchDatabaseUrl();
  const connection = await openConnection({ databaseUrl, maxConnections: 4 });
  await migrate(connection);
  const seedStarted = performance.now();
  log(`seeding ${customers} customers (reused when already there)…`);
  const tenant = await seedBenchTenant(connection.db, customers);
  log(`tenant ready in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  await connection.close();

  const ports = {
    api: 3600 + Math.floor(Math.random() * 300),
    floor: 3950 + Math.floor(Math.random() * 40),
  };
  const api = await startServer('clientele-api.ts', {
    PORT: String(ports.api),
    DATABASE_URL: databaseUrl,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MAIL_TRANSPORT: 'log',
    REDIS_URL: flags['redis-url'] ?? '',
    // The bench measures the API, not its limits: high enough never to refuse.
    RATE_LIMIT_REST_PER_KEY: '100000000',
    RATE_LIMIT_REST_PER_ORG: '100000000',
    RATE_LIMIT_TRPC_PER_USER: '100000000',
  });
  const floor = await startServer('floor.ts', {
    PORT: String(ports.floor),
    DATABASE_URL: databaseUrl,
    ORGANIZATION_ID: tenant.organizationId,
  });

  const trpcInput = encodeURIComponent(JSON.stringify({ json: { limit: 50 } }));
  const variants: { name: string; process: ChildProcess; target: Target }[] = [
    {
      name: 'floor (node:http + postgres.js)',
      process: floor,
      target: {
        origin: `http://127.0.0.1:${ports.floor}`,
        path: '/customers?limit=50',
        headers: {},
      },
    },
    {
      name: 'REST GET /api/v1/customers',
      process: api,
      target: {
        origin: `http://127.0.0.1:${ports.api}`,
        path: '/api/v1/customers?limit=50',
        headers: { authorization: `Bearer ${tenant.apiKey}` },
      },
    },
    {
      name: 'tRPC customers.list',
      process: api,
      target: {
        origin: `http://127.0.0.1:${ports.api}`,
        path: `/api/trpc/customers.list?input=${trpcInput}`,
        headers: { cookie: `clientele_session=${tenant.sessionToken}` },
      },
    },
  ];

  for (const variant of variants) await closedLoop(variant.target, concurrency, 2); // warm-up

  const samples = new Map(
    variants.map((v) => [
      v.name,
      {
        rps: [] as number[],
        cpu: [] as number[],
        p50: [] as number[],
        p95: [] as number[],
        p99: [] as number[],
      },
    ]),
  );
  for (let round = 1; round <= rounds; round++) {
    for (const variant of variants) {
      const sample = samples.get(variant.name)!;
      const cpuBefore = cpuSecondsOf(variant.process.pid!);
      const closed = await closedLoop(variant.target, concurrency, seconds);
      const cpu = cpuSecondsOf(variant.process.pid!) - cpuBefore;
      if (closed.failed > 0) throw new Error(`${variant.name}: ${closed.failed} failed requests`);
      sample.rps.push(closed.requestsPerSecond);
      sample.cpu.push((cpu / closed.completed) * 1e6);
      const open = await openLoop(variant.target, rate, seconds);
      sample.p50.push(open.p50);
      sample.p95.push(open.p95);
      sample.p99.push(open.p99);
      log(
        `round ${round} ${variant.name}: ${closed.requestsPerSecond.toFixed(0)} req/s, p95 ${open.p95.toFixed(2)} ms`,
      );
    }
  }

  const floorSample = samples.get(variants[0]!.name)!;
  const results = variants.map((variant) => {
    const s = samples.get(variant.name)!;
    return {
      variant: variant.name,
      requestsPerSecond: Math.round(median(s.rps)),
      throughputVsFloor: median(s.rps) / median(floorSample.rps),
      cpuMicrosecondsPerRequest: Math.round(median(s.cpu)),
      cpuVsFloor: median(s.cpu) / median(floorSample.cpu),
      p50Ms: median(s.p50),
      p95Ms: median(s.p95),
      p99Ms: median(s.p99),
      peakRssMb: peakRssMbOf(variant.process.pid!),
    };
  });
  api.kill();
  floor.kill();

  const versions = Object.fromEntries(
    ['next', '@trpc/server', 'trpc-to-openapi', 'drizzle-orm', 'postgres', 'superjson'].map(
      (name) => [
        name,
        (
          JSON.parse(readFileSync(path.join('node_modules', name, 'package.json'), 'utf8')) as {
            version: string;
          }
        ).version,
      ],
    ),
  );
  const machine = {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    loadAverage: os.loadavg(),
    node: process.version,
  };
  const fixed = (n: number, digits = 2) => n.toFixed(digits);
  const table = [
    `customers.list, first page of 50, one tenant of ${customers.toLocaleString('en')} customers; ` +
      `${rounds} interleaved rounds of ${seconds} s; throughput at concurrency ${concurrency}, latency open-loop at ${rate} req/s; medians. ` +
      `Rate limits counted in ${flags['redis-url'] ? 'Redis' : 'memory'}.`,
    '',
    '| variant | req/s | × floor | CPU µs/req | × floor | p50 ms | p95 ms | p99 ms | peak RSS MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.variant} | ${r.requestsPerSecond} | ${fixed(r.throughputVsFloor)} | ${r.cpuMicrosecondsPerRequest} | ${fixed(r.cpuVsFloor)} | ${fixed(r.p50Ms)} | ${fixed(r.p95Ms)} | ${fixed(r.p99Ms)} | ${r.peakRssMb} |`,
    ),
    '',
    `Machine: ${machine.cpus} cores (${machine.model ?? 'unknown'}), load ${machine.loadAverage.map((l) => l.toFixed(2)).join(' ')}, Node ${machine.node}.`,
  ].join('\n');
  process.stdout.write(`${table}\n`);

  const outDir = path.join('.data', 'bench');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(
    outDir,
    `customers-list-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify(
      {
        customers,
        seconds,
        rounds,
        concurrency,
        rate,
        rateLimitStore: flags['redis-url'] ? 'redis' : 'memory',
        machine,
        versions,
        results,
      },
      null,
      2,
    ),
  );
  log(`written to ${file}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
