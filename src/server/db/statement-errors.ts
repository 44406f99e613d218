import postgres from 'postgres';
import { recordDatabaseError } from '@/server/observability/metrics';

/** SQLSTATE of a server error, or the code of a connection error (ECONNREFUSED, CONNECT_TIMEOUT…). */
export function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** As errorCodeOf, but only for errors that came from the database or its connection. */
export function databaseErrorCodeOf(error: unknown): string | undefined {
  if (error instanceof postgres.PostgresError) return error.code;
  const code = errorCodeOf(error);
  return code && CONNECTION_ERROR_CODES.has(code) ? code : undefined;
}

const CONNECTION_ERROR_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const counted = new WeakSet<object>();

/** Counts a failure in the pool's error metric, once however many layers it passes through. */
export function countOnce(error: unknown, pool: string, code: string): void {
  if (typeof error === 'object' && error !== null) {
    if (counted.has(error)) return;
    counted.add(error);
  }
  recordDatabaseError(pool, code);
}
