import { context, SpanKind, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import {
  ATTR_DB_NAMESPACE,
  ATTR_DB_SYSTEM_NAME,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from '@opentelemetry/semantic-conventions';
import type postgres from 'postgres';
import { type PoolUsage, recordDatabaseError } from '@/server/observability/metrics';
import {
  commitUnconfirmed,
  currentDeadline,
  databaseQueueFull,
  databaseTimedOut,
  type Deadline,
} from './deadline';
import { poolOf } from './pool-tracking';
import { countOnce, databaseErrorCodeOf, errorCodeOf } from './statement-errors';
import { failSpan, startStatementSpan, tracedClients } from './statement-spans';

interface Instrumentation {
  pool: PoolUsage;
  queueLimit: number;
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
 * It also keeps requests to their deadline (deadline.ts), which postgres.js knows nothing of:
 * work beyond the pool's queue bound is refused at once; a request waiting for a connection, a
 * statement or a commit is answered 503 when its deadline passes; and a transaction whose
 * request has been answered never commits: it sends nothing more and rolls back, whenever the
 * server answers again. Only a COMMIT already sent cannot be taken back; that answer says so.
 *
 * Drizzle sends its queries unnamed, so PostgreSQL would parse and plan each one again, and
 * postgres.js spend a round trip describing its parameters first. Named, they are prepared
 * once per connection (postgres.js keys them by their text) and then only bound and run. A
 * client opened for a transaction pooler (prepare: false) sends them unnamed all the same:
 * postgres.js's client-wide setting overrides a statement's.
 */
export function instrumentPostgres(client: postgres.Sql, tracer: Tracer | undefined): postgres.Sql {
  const { usage: pool, queueLimit } = poolOf(client);
  const attributes: Attributes = {
    [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
    [ATTR_DB_NAMESPACE]: client.options.database,
    [ATTR_SERVER_ADDRESS]: client.options.host[0],
    [ATTR_SERVER_PORT]: client.options.port[0],
  };
  if (tracer) tracedClients.add(client);
  return instrumentedSql(client, { pool, queueLimit, tracer, attributes }, false);
}

function instrumentedSql<Sql extends postgres.Sql | postgres.TransactionSql>(
  sql: Sql,
  instrumentation: Instrumentation,
  inTransaction: boolean,
): Sql {
  const { pool, tracer, attributes } = instrumentation;
  /**
   * Takes a connection, or a place in the queue for one, unless the queue is full. A statement
   * outside a transaction holds it until it settles, a transaction from BEGIN to its end;
   * statements inside a transaction use the transaction's.
   */
  const claim = () => {
    if (pool.demand >= pool.size + instrumentation.queueLimit) {
      recordDatabaseError(pool.name, 'POOL_QUEUE_FULL');
      throw databaseQueueFull();
    }
    pool.demand += 1;
  };
  const timedOut = () => {
    recordDatabaseError(pool.name, 'REQUEST_DEADLINE');
    return databaseTimedOut();
  };
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) => {
          const deadline = currentDeadline();
          // Nothing more is sent for a request that has had its answer.
          if (deadline?.passed) throw databaseTimedOut();
          if (!inTransaction) claim();
          const pending = target.unsafe(query, params as postgres.ParameterOrJSON<never>[], {
            ...options,
            prepare: true,
          });
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
          return deadline && !inTransaction ? answerBy(pending, deadline, timedOut) : pending;
        };
      }
      if (property === 'begin' || property === 'savepoint') {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: postgres.TransactionSql) => unknown;
          const opensConnection = property === 'begin' && !inTransaction;
          const deadline = currentDeadline();
          try {
            if (deadline?.passed) throw databaseTimedOut();
            if (opensConnection) claim();
          } catch (error) {
            return Promise.reject(error as Error);
          }
          let committing = false;
          const span =
            tracer?.startSpan(property === 'begin' ? 'transaction' : 'savepoint', {
              kind: SpanKind.CLIENT,
              attributes,
            }) ?? undefined;
          const inner = async (tx: postgres.TransactionSql) => {
            // A connection that came after the deadline: nothing is run, the BEGIN rolls back.
            if (deadline?.passed) throw databaseTimedOut();
            const result = await fn(instrumentedSql(tx, instrumentation, true));
            if (opensConnection) {
              // Its request has been answered (503): roll back rather than commit.
              if (deadline?.passed) throw databaseTimedOut();
              committing = true;
            }
            return result;
          };
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
          if (!deadline || !opensConnection) return done;
          return deadline.race(done, () => {
            if (!committing) return timedOut();
            recordDatabaseError(pool.name, 'COMMIT_UNCONFIRMED');
            return commitUnconfirmed();
          });
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/**
 * The statement as Drizzle uses it (values(), then awaited), except that awaiting it rejects
 * with onExpiry() once the deadline passes first. postgres.js cannot take back a statement it
 * may have sent; it goes on, and its connection is counted as busy until it settles. (Requests
 * write only inside transactions, so these are reads.)
 */
function answerBy<Query extends PromiseLike<unknown>>(
  query: Query,
  deadline: Deadline,
  onExpiry: () => Error,
): Query {
  const answer = deadline.race(query, onExpiry);
  const answered = new Proxy(query, {
    get(target, property) {
      if (property === 'then' || property === 'catch' || property === 'finally') {
        const settle = answer[property] as (...args: unknown[]) => unknown;
        return settle.bind(answer);
      }
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      // Chained calls (values(), raw()) return the query: keep answering by the deadline.
      return (...args: unknown[]) => {
        const result = (value as (...args: unknown[]) => unknown).apply(target, args);
        return result === target ? answered : result;
      };
    },
  });
  return answered;
}
