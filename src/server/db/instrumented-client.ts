import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import {
  context,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import {
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_RESPONSE_STATUS_CODE,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from '@opentelemetry/semantic-conventions';
import postgres from 'postgres';
import {
  PoolUsage,
  recordDatabaseError,
  trackPool,
  untrackPool,
} from '@/server/observability/metrics';
import { processSingleton } from '@/server/runtime-global';

const poolUsages = processSingleton('db.pool-usage', () => new WeakMap<object, PoolUsage>());

/** Reports the client's pool in the metrics as `name` until the returned function is called. */
export function trackPostgresPool(client: postgres.Sql, name: string): () => void {
  const usage = new PoolUsage(name, client.options.max);
  poolUsages.set(client, usage);
  trackPool(usage);
  return () => untrackPool(usage);
}

/** Raw clients whose statements are traced (shared with Next's copy of this module). */
const tracedClients = processSingleton('db.traced-clients', () => new WeakSet<object>());

/** Whether statements through this raw client become spans. */
export const isTracedClient = (client: object): boolean => tracedClients.has(client);

interface Instrumentation {
  pool: PoolUsage;
  /** Present only while tracing is on; without it no span is ever started. */
  tracer?: Tracer;
  attributes: Attributes;
}

/**
 * The postgres.js client Drizzle runs on: it prepares every statement, counts its pool use and
 * failures and, with a tracer, makes a CLIENT span per statement (its parameterised text, never
 * the values) and one per transaction, including the statements inside transactions and
 * savepoints.
 *
 * Drizzle sends its queries unnamed, so PostgreSQL would parse and plan each one again, and
 * postgres.js spend a round trip describing its parameters first. Named, they are prepared
 * once per connection (postgres.js keys them by their text) and then only bound and run.
 */
export function instrumentPostgres(client: postgres.Sql, tracer: Tracer | undefined): postgres.Sql {
  const pool = poolUsages.get(client) ?? new PoolUsage('untracked', client.options.max);
  const attributes: Attributes = {
    [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
    [ATTR_DB_NAMESPACE]: client.options.database,
    [ATTR_SERVER_ADDRESS]: client.options.host[0],
    [ATTR_SERVER_PORT]: client.options.port[0],
  };
  if (tracer) tracedClients.add(client);
  return instrumentedSql(client, { pool, tracer, attributes }, false);
}

function instrumentedSql<Sql extends postgres.Sql | postgres.TransactionSql>(
  sql: Sql,
  instrumentation: Instrumentation,
  inTransaction: boolean,
): Sql {
  const { pool, tracer, attributes } = instrumentation;
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) => {
          const pending = target.unsafe(query, params as postgres.ParameterOrJSON<never>[], {
            ...options,
            prepare: true,
          });
          // A statement outside a transaction borrows a connection until it settles; inside
          // one, the transaction already holds its connection.
          if (!inTransaction) pool.demand += 1;
          const span = tracer && startStatementSpan(tracer, query, attributes);
          pending.then(
            () => {
              if (!inTransaction) pool.demand -= 1;
              span?.end();
            },
            (error: unknown) => {
              if (!inTransaction) pool.demand -= 1;
              const code = errorCodeOf(error) ?? 'UNKNOWN';
              countOnce(error, pool.name, code);
              if (span) failSpan(span, code);
            },
          );
          return pending;
        };
      }
      if (property === 'begin' || property === 'savepoint') {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: postgres.TransactionSql) => unknown;
          const opensConnection = property === 'begin' && !inTransaction;
          const span =
            tracer?.startSpan(property === 'begin' ? 'transaction' : 'savepoint', {
              kind: SpanKind.CLIENT,
              attributes,
            }) ?? undefined;
          const inner = (tx: postgres.TransactionSql) =>
            fn(instrumentedSql(tx, instrumentation, true));
          if (opensConnection) pool.demand += 1;
          const done = open(
            ...args,
            span ? context.bind(trace.setSpan(context.active(), span), inner) : inner,
          ) as Promise<unknown>;
          done.then(
            () => {
              if (opensConnection) pool.demand -= 1;
              span?.end();
            },
            (error: unknown) => {
              if (opensConnection) pool.demand -= 1;
              // Statements that failed inside were counted already; what is left is BEGIN,
              // COMMIT and the connection itself.
              const code = databaseErrorCodeOf(error);
              if (code) countOnce(error, pool.name, code);
              if (span) failSpan(span, code ?? 'rollback');
            },
          );
          return done;
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/**
 * PGlite (one connection, in process) traced the same way: statements and transactions as
 * Drizzle runs them. Only made while tracing is on.
 */
export function tracePglite(client: PGlite, tracer: Tracer): PGlite {
  tracedClients.add(client);
  const attributes: Attributes = { [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL };
  return new Proxy(client, {
    get(target, property) {
      if (property === 'query') {
        return (query: string, params?: unknown[], options?: object) =>
          traceStatement(tracer, query, attributes, () => target.query(query, params, options));
      }
      if (property === 'transaction') {
        return <T>(fn: (tx: PgliteTransaction) => Promise<T>) => {
          const span = tracer.startSpan('transaction', { kind: SpanKind.CLIENT, attributes });
          const inner = (tx: PgliteTransaction) => fn(tracePgliteTransaction(tx, tracer));
          return target
            .transaction(context.bind(trace.setSpan(context.active(), span), inner))
            .then(
              (result) => {
                span.end();
                return result;
              },
              (error: unknown) => {
                failSpan(span, errorCodeOf(error) ?? 'rollback');
                throw error;
              },
            );
        };
      }
      // PGlite's methods use private fields: they must run on PGlite itself, not on the proxy.
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

function tracePgliteTransaction(tx: PgliteTransaction, tracer: Tracer): PgliteTransaction {
  const attributes: Attributes = { [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL };
  return {
    ...tx,
    get closed() {
      return tx.closed;
    },
    query: (query: string, params?: unknown[], options?: object) =>
      traceStatement(tracer, query, attributes, () => tx.query(query, params, options)),
  } as PgliteTransaction;
}

async function traceStatement<T>(
  tracer: Tracer,
  query: string,
  attributes: Attributes,
  run: () => Promise<T>,
): Promise<T> {
  const span = startStatementSpan(tracer, query, attributes);
  try {
    const result = await run();
    span.end();
    return result;
  } catch (error) {
    failSpan(span, errorCodeOf(error) ?? 'UNKNOWN');
    throw error;
  }
}

function startStatementSpan(tracer: Tracer, query: string, attributes: Attributes): Span {
  const operation = operationOf(query);
  return tracer.startSpan(operation ?? 'postgresql', {
    kind: SpanKind.CLIENT,
    attributes: {
      ...attributes,
      [ATTR_DB_QUERY_TEXT]: query,
      ...(operation ? { [ATTR_DB_OPERATION_NAME]: operation } : {}),
    },
  });
}

/** The statement's leading keyword (SELECT, INSERT, WITH…), the span's low-cardinality name. */
function operationOf(query: string): string | undefined {
  return /^\s*([a-z]+)/i.exec(query)?.[1]?.toUpperCase();
}

/** Marks a span failed with the error's code only: messages can quote the values. */
function failSpan(span: Span, code: string): void {
  span.setAttribute(ATTR_ERROR_TYPE, code);
  if (/^[0-9A-Z]{5}$/.test(code)) span.setAttribute(ATTR_DB_RESPONSE_STATUS_CODE, code);
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/** SQLSTATE of a server error, or the code of a connection error (ECONNREFUSED, CONNECT_TIMEOUT…). */
function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** As errorCodeOf, but only for errors that came from the database or its connection. */
function databaseErrorCodeOf(error: unknown): string | undefined {
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

function countOnce(error: unknown, pool: string, code: string): void {
  if (typeof error === 'object' && error !== null) {
    if (counted.has(error)) return;
    counted.add(error);
  }
  recordDatabaseError(pool, code);
}
