import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import { version } from '../../../package.json';
import { processSingleton } from '@/server/runtime-global';

export interface TracingConfig {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  OTEL_SERVICE_NAME: string;
}

interface TracingState {
  provider?: NodeTracerProvider;
  tracer?: Tracer;
}

// Shared with the copy of this module in Next's server bundle (see runtime-global.ts).
const state = () => processSingleton('tracing', (): TracingState => ({}));

/** Where spans go: the traces endpoint as given, or `v1/traces` under the general one. */
export function tracesEndpointOf(config: TracingConfig): string | undefined {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = config.OTEL_EXPORTER_OTLP_ENDPOINT;
  return base ? new URL('v1/traces', base.endsWith('/') ? base : `${base}/`).href : undefined;
}

/**
 * Turns tracing on when an OTLP endpoint is configured: spans are batched and sent as
 * OTLP/HTTP JSON (headers from OTEL_EXPORTER_OTLP_HEADERS, as the exporter reads them), and
 * incoming W3C `traceparent` headers are continued. Without an endpoint nothing is registered
 * and the request path creates no spans at all. Returns whether tracing is on.
 */
export function startTracing(config: TracingConfig): boolean {
  const current = state();
  const url = tracesEndpointOf(config);
  if (current.provider || !url) return Boolean(current.provider);
  const resource = defaultResource()
    .merge(detectResources({ detectors: [envDetector] }))
    .merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: config.OTEL_SERVICE_NAME,
        [ATTR_SERVICE_VERSION]: version,
      }),
    );
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  current.provider = provider;
  current.tracer = provider.getTracer('clientele', version);
  return true;
}

/** Sends the spans still waiting in the batch. */
export async function flushTracing(): Promise<void> {
  await state().provider?.forceFlush();
}

/** Flushes, shuts the exporter down and unregisters, so tracing can be started afresh. */
export async function stopTracing(): Promise<void> {
  const current = state();
  const provider = current.provider;
  if (!provider) return;
  current.provider = undefined;
  current.tracer = undefined;
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

/** The tracer while tracing is on; undefined means: create no spans. */
export const activeTracer = (): Tracer | undefined => state().tracer;

/**
 * A SERVER span for an HTTP request, continuing the caller's trace when it sent a valid
 * `traceparent`. The route is a template (never a path with ids in it).
 */
export function startServerSpan(
  tracer: Tracer,
  req: IncomingMessage,
  route: string | undefined,
  attributes: Attributes,
): Span {
  const method = req.method ?? 'GET';
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  return tracer.startSpan(
    route ? `${method} ${route}` : method,
    {
      kind: SpanKind.SERVER,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: method,
        [ATTR_URL_PATH]: (req.url ?? '/').split('?', 1)[0],
        ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}),
        ...attributes,
      },
    },
    parent,
  );
}

/** Ends a SERVER span with its status code; 5xx (and a response never finished) are errors. */
export function endServerSpan(span: Span, status: number, finished: boolean): void {
  span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
  if (status >= 500) {
    span.setAttribute(ATTR_ERROR_TYPE, String(status));
    span.setStatus({ code: SpanStatusCode.ERROR });
  } else if (!finished) {
    span.setAttribute(ATTR_ERROR_TYPE, 'aborted');
  }
  span.end();
}

/**
 * Wraps an HTTP handler: each request runs inside a SERVER span, ended when the response
 * closes (finished or not).
 */
export function traceRequests<Result>(
  tracer: Tracer,
  handle: (req: IncomingMessage, res: ServerResponse) => Result,
  routeOf: (req: IncomingMessage) => string | undefined,
) {
  return (req: IncomingMessage, res: ServerResponse): Result => {
    const span = startServerSpan(tracer, req, routeOf(req), {});
    res.once('close', () => endServerSpan(span, res.statusCode, res.writableFinished));
    return runInSpan(span, () => handle(req, res));
  };
}

/**
 * Page requests (Next.js) in a SERVER span named by method only: page paths carry ids, and
 * Next.js's own spans beneath it name the route.
 */
export function tracePages<Result>(
  handle: (req: IncomingMessage, res: ServerResponse) => Result,
): (req: IncomingMessage, res: ServerResponse) => Result {
  const tracer = activeTracer();
  if (!tracer) return handle;
  const tagged = (req: IncomingMessage, res: ServerResponse) => {
    const requestId = req.headers['x-request-id'];
    if (typeof requestId === 'string') tagRequestSpan(requestId);
    return handle(req, res);
  };
  return traceRequests(tracer, tagged, () => undefined);
}

export const REQUEST_ID = 'clientele.request_id';

/** Names the request id on the request's span; returns the trace id, for the log line. */
export function tagRequestSpan(requestId: string): string | undefined {
  const span = trace.getActiveSpan();
  span?.setAttribute(REQUEST_ID, requestId);
  return span?.spanContext().traceId;
}

/** Runs fn with span as the active span, so what fn starts (procedures, SQL) nests under it. */
export function runInSpan<T>(span: Span, fn: () => T): T {
  return context.with(trace.setSpan(context.active(), span), fn);
}

export const PROCEDURE_DOOR = 'clientele.procedure.door';
export const PROCEDURE_CODE = 'clientele.procedure.code';

/** An INTERNAL span per procedure call, named by its path. */
export function startProcedureSpan(tracer: Tracer, path: string, door: string): Span {
  return tracer.startSpan(path, {
    kind: SpanKind.INTERNAL,
    attributes: { [PROCEDURE_DOOR]: door },
  });
}

/**
 * Ends a procedure span with its result code. Server faults are errors; refusals (4xx) are
 * answers. No error message is recorded: a database error's text can quote the values.
 */
export function endProcedureSpan(span: Span, code: string): void {
  span.setAttribute(PROCEDURE_CODE, code);
  if (code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE') {
    span.setAttribute(ATTR_ERROR_TYPE, code);
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}
