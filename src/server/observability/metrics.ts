import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { processSingleton } from '@/server/runtime-global';

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'clientele_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'clientele_http_requests_total',
      help: 'HTTP requests served under /api, by route, method and status.',
      labelNames: ['route', 'method', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'clientele_http_request_duration_seconds',
      help: 'Time to serve HTTP requests under /api, by route.',
      labelNames: ['route', 'method'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    procedureCalls: new Counter({
      name: 'clientele_procedure_calls_total',
      help: 'Procedure calls by procedure, door (trpc, rest, server) and result code.',
      labelNames: ['procedure', 'door', 'code'] as const,
      registers: [registry],
    }),
    procedureDuration: new Histogram({
      name: 'clientele_procedure_duration_seconds',
      help: 'Procedure duration, by procedure and door.',
      labelNames: ['procedure', 'door'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    rateLimitRejections: new Counter({
      name: 'clientele_rate_limit_rejections_total',
      help: 'Requests refused by a rate limit, by rule.',
      labelNames: ['rule'] as const,
      registers: [registry],
    }),
    rateLimitStoreErrors: new Counter({
      name: 'clientele_rate_limit_store_errors_total',
      help: 'Rate limit checks that could not reach the store, by rule.',
      labelNames: ['rule'] as const,
      registers: [registry],
    }),
  };
}

export const rateLimitRejections = () => metrics().rateLimitRejections;
export const rateLimitStoreErrors = () => metrics().rateLimitStoreErrors;

export const metrics = () => processSingleton('metrics', createMetrics);

export function recordProcedure(procedure: string, door: string, code: string, ms: number) {
  const m = metrics();
  m.procedureCalls.inc({ procedure, door, code });
  m.procedureDuration.observe({ procedure, door }, ms / 1000);
}

export function recordHttp(route: string, method: string, status: number, ms: number) {
  const m = metrics();
  m.httpRequests.inc({ route, method, status: String(status) });
  m.httpDuration.observe({ route, method }, ms / 1000);
}
