import { getTarget, type Target } from '../load';
import { measureInterleaved } from '../measure';
import type { TenantCredentials } from '../seed';
import { apiServerEnv, startServer, stopServer, type RunningServer } from '../servers';
import {
  atLeast,
  atMost,
  measure,
  ratioTable,
  sizeLabel,
  type BenchContext,
  type CaseReport,
} from './case';
import { fetchPage, REST, restGet, trpcBatchGet } from './requests';

const LIST = '/customers?limit=10';
const FIGURES = [
  'dashboard.customersByStatus',
  'dashboard.newCustomersPerWeek',
  'dashboard.revenuePerMonth',
  'dashboard.topCustomers',
];

/**
 * The REST list with the credential cache on (CREDENTIAL_CACHE_SECONDS=300) and off (0), with
 * an API key and with an OAuth access token (a client-credentials app's): a short page, so that
 * what the cache saves is not lost in the rows. And the dashboard's four figures, in one tRPC
 * batch, with the figures cache on (DASHBOARD_CACHE_SECONDS=300, in Redis when the bench has
 * one) and off (0). Targets: on serves more than off, for less CPU.
 */
export async function cachesCase(ctx: BenchContext): Promise<CaseReport> {
  const tenant = ctx.tenants[0]!;
  const cached = await ctx.api();
  let uncached: RunningServer | undefined;
  try {
    uncached = await startServer('clientele-api.ts', {
      ...apiServerEnv(ctx.database),
      CREDENTIAL_CACHE_SECONDS: '0',
      DASHBOARD_CACHE_SECONDS: '0',
    });
    // A token names the server that issued it (issuer and audience): each has its own.
    const withToken = async (server: RunningServer) =>
      getTarget(server.origin, `${REST}${LIST}`, {
        authorization: `Bearer ${await clientCredentialsToken(server, tenant)}`,
      });
    const variant = (what: string, on: boolean, server: RunningServer, target: Target) => ({
      name: `${what}, cache ${on ? 'on' : 'off'}`,
      what,
      pid: server.pid,
      target,
    });
    const list = 'REST list with';
    const variants = [
      variant(`${list} API key`, true, cached, restGet(cached, tenant, LIST)),
      variant(`${list} API key`, false, uncached, restGet(uncached, tenant, LIST)),
      variant(`${list} OAuth token`, true, cached, await withToken(cached)),
      variant(`${list} OAuth token`, false, uncached, await withToken(uncached)),
      variant('Dashboard figures', true, cached, trpcBatchGet(cached, tenant, FIGURES)),
      variant('Dashboard figures', false, uncached, trpcBatchGet(uncached, tenant, FIGURES)),
    ];
    for (const variant of variants.slice(0, 4)) {
      const { items } = await fetchPage(variant.target);
      if (items.length !== 10) throw new Error(`${variant.name} answered ${items.length} items`);
    }
    for (const variant of variants.slice(4)) await expectFigures(variant.target);
    const measured = await measureInterleaved(variants, ctx.load, ctx.log);
    // Each "on" variant is followed by its "off" one.
    const results = measured.map((result, index) => {
      const off = measured[index - (index % 2) + 1]!;
      return {
        variant: variants[index]!.name,
        ...result,
        vsOff: result.requestsPerSecond / off.requestsPerSecond,
        cpuVsOff: result.cpuMicrosecondsPerRequest / off.cpuMicrosecondsPerRequest,
      };
    });
    const onVsOff = (key: string, index: number) => {
      const label = variants[index]!.what;
      return [
        measure({
          case: 'caches',
          key: `caches.${key}.onVsOff`,
          label: `${label}, throughput cache on × off`,
          value: results[index]!.vsOff,
          unit: '×',
          target: atLeast(1),
          ratio: true,
        }),
        measure({
          case: 'caches',
          key: `caches.${key}.cpuOnVsOff`,
          label: `${label}, CPU per request cache on × off`,
          value: results[index]!.cpuVsOff,
          unit: '×',
          target: atMost(1),
          ratio: true,
        }),
      ];
    };
    return {
      name: 'caches',
      title: `customers.list over REST, first page of 10, and the dashboard's figures, ${sizeLabel(tenant.customers)} customers, caches on and off`,
      description:
        'The same API with the credential and figures caches (CREDENTIAL_CACHE_SECONDS and ' +
        'DASHBOARD_CACHE_SECONDS 300) and without them (0): the list with an API key and with a ' +
        "client-credentials OAuth access token; the dashboard's four figures in one tRPC batch.",
      tables: [
        ratioTable(
          results.map((result) => ({
            ...result,
            throughputRatio: result.vsOff,
            cpuRatio: result.cpuVsOff,
          })),
          'off',
        ),
      ],
      measures: [...onVsOff('apiKey', 0), ...onVsOff('oauth', 2), ...onVsOff('dashboard', 4)],
      results,
    };
  } finally {
    if (uncached) await stopServer(uncached);
  }
}

/** Checks that every figure of the batch was answered, not refused. */
async function expectFigures(target: Target) {
  const { origin, operation } = target;
  const [request] = operation();
  const response = await fetch(`${origin}${request!.path}`, { headers: request!.headers });
  const answers = (await response.json()) as { result?: unknown }[];
  if (!response.ok || answers.length !== FIGURES.length || answers.some((answer) => !answer.result))
    throw new Error(`the dashboard's figures → ${response.status} ${JSON.stringify(answers)}`);
}

/**
 * An access token of a client-credentials app, registered by the tenant's owner (only a person
 * may obtain such an app's secret).
 */
async function clientCredentialsToken(server: RunningServer, tenant: TenantCredentials) {
  const registered = await fetch(`${server.origin}/api/trpc/apps.create`, {
    method: 'POST',
    headers: {
      cookie: `clientele_session=${tenant.sessionToken}`,
      origin: server.origin,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      json: {
        name: `Bench ${Date.now()}`,
        kind: 'client_credentials',
        role: 'viewer',
        scopes: ['customers:read'],
      },
    }),
  });
  if (!registered.ok)
    throw new Error(`apps.create → ${registered.status} ${await registered.text()}`);
  type Created = { app: { clientId: string }; clientSecret: string };
  const { json } = ((await registered.json()) as { result: { data: { json: Created } } }).result
    .data;
  const { clientSecret } = json;
  const { clientId } = json.app;
  const issued = await fetch(`${server.origin}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'customers:read' }),
  });
  if (!issued.ok) throw new Error(`POST /oauth/token → ${issued.status} ${await issued.text()}`);
  return ((await issued.json()) as { access_token: string }).access_token;
}
