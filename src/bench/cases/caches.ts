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
import { fetchPage, REST, restGet } from './requests';

const LIST = '/customers?limit=10';

/**
 * The REST list with the credential cache on (CREDENTIAL_CACHE_SECONDS=300) and off (0),
 * with an API key and with an OAuth access token (a client-credentials app's). A short page, so
 * that what the cache saves is not lost in the rows. Targets: on serves more than off, for less
 * CPU.
 */
export async function cachesCase(ctx: BenchContext): Promise<CaseReport> {
  const tenant = ctx.tenants[0]!;
  const cached = await ctx.api();
  let uncached: RunningServer | undefined;
  try {
    uncached = await startServer('clientele-api.ts', {
      ...apiServerEnv(ctx.database),
      CREDENTIAL_CACHE_SECONDS: '0',
    });
    // A token names the server that issued it (issuer and audience): each has its own.
    const withToken = async (server: RunningServer) =>
      getTarget(server.origin, `${REST}${LIST}`, {
        authorization: `Bearer ${await clientCredentialsToken(server, tenant)}`,
      });
    const variant = (credential: string, on: boolean, server: RunningServer, target: Target) => ({
      name: `${credential}, cache ${on ? 'on' : 'off'}`,
      credential,
      pid: server.pid,
      target,
    });
    const variants = [
      variant('API key', true, cached, restGet(cached, tenant, LIST)),
      variant('API key', false, uncached, restGet(uncached, tenant, LIST)),
      variant('OAuth token', true, cached, await withToken(cached)),
      variant('OAuth token', false, uncached, await withToken(uncached)),
    ];
    for (const variant of variants) {
      const { items } = await fetchPage(variant.target);
      if (items.length !== 10) throw new Error(`${variant.name} answered ${items.length} items`);
    }
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
      const label = `REST list with ${variants[index]!.credential}`;
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
      title: `customers.list over REST, first page of 10, ${sizeLabel(tenant.customers)} customers, credential cache on and off`,
      description:
        'The same API with the credential cache (CREDENTIAL_CACHE_SECONDS=300) and ' +
        'without it, with an API key and with a client-credentials OAuth access token.',
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
      measures: [...onVsOff('apiKey', 0), ...onVsOff('oauth', 2)],
      results,
    };
  } finally {
    if (uncached) await stopServer(uncached);
  }
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
