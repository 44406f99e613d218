import {
  SpanKind,
  SpanStatusCode,
  type Attributes,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import {
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_RESPONSE_STATUS_CODE,
  ATTR_ERROR_TYPE,
} from '@opentelemetry/semantic-conventions';
import { processSingleton } from '@/server/runtime-global';
import { errorCodeOf } from './statement-errors';

/** Raw clients whose statements are traced (shared with Next's copy of this module). */
export const tracedClients = processSingleton('db.traced-clients', () => new WeakSet<object>());

/** Whether statements through this raw client become spans. */
export const isTracedClient = (client: object): boolean => tracedClients.has(client);

/** Runs a statement in a CLIENT span of its own (its parameterised text, never the values). */
export async function traceStatement<T>(
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

export function startStatementSpan(tracer: Tracer, query: string, attributes: Attributes): Span {
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
export function failSpan(span: Span, code: string): void {
  span.setAttribute(ATTR_ERROR_TYPE, code);
  if (/^[0-9A-Z]{5}$/.test(code)) span.setAttribute(ATTR_DB_RESPONSE_STATUS_CODE, code);
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
