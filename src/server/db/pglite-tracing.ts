import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import { context, SpanKind, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import {
  ATTR_DB_SYSTEM_NAME,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from '@opentelemetry/semantic-conventions';
import { errorCodeOf } from './statement-errors';
import { failSpan, traceStatement, tracedClients } from './statement-spans';

/**
 * PGlite (one connection, in process) traced as instrumented-client.ts traces postgres.js:
 * statements and transactions as Drizzle runs them. Only made while tracing is on.
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
