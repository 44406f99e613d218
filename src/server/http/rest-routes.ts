import type { AnyTRPCRouter } from '@trpc/server';
import {
  forEachOpenApiProcedure,
  getInputOutputParsers,
  getPathRegExp,
  instanceofZodTypeObject,
  normalizePath,
  unwrapZodType,
  type OpenApiProcedureRecord,
} from 'trpc-to-openapi';

/** The order methods are listed in, in `Allow` and CORS headers. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export interface RestOperation {
  method: string;
  pattern: RegExp;
  /** What the query string may hold: the input's fields that are not in the path. */
  queryParameters: ReadonlySet<string>;
  /** The largest body it takes, when more than the door's default. */
  maxBodyBytes?: number;
}

/** What the REST door serves at one path. */
export interface RestRoute {
  /** Every method the path takes, HEAD (with GET) and OPTIONS included, for `Allow`. */
  allowed: string[];
  /** The operation a method reaches here (HEAD reaches GET's), if the path takes it. */
  operationFor(method: string): RestOperation | undefined;
}

/**
 * The REST operations of a router, matched as trpc-to-openapi matches them (same path patterns,
 * same order), so that the door can answer what the library does not: which methods a path
 * takes (405, HEAD, OPTIONS) and which query parameters an operation knows.
 */
export function restRoutesOf(router: AnyTRPCRouter) {
  const operations: RestOperation[] = [];
  forEachOpenApiProcedure(
    router._def.procedures as OpenApiProcedureRecord,
    ({ type, procedure, meta }) => {
      if (type === 'subscription') return;
      const { method } = meta.openapi;
      const path = normalizePath(meta.openapi.path);
      const takesQuery = method === 'GET' || method === 'DELETE';
      operations.push({
        method,
        pattern: getPathRegExp(path),
        queryParameters: new Set(
          takesQuery
            ? inputFieldsOf(procedure).filter((field) => !path.includes(`{${field}}`))
            : [],
        ),
        maxBodyBytes: (meta as { maxBodyBytes?: number }).maxBodyBytes,
      });
    },
  );

  return (pathname: string): RestRoute | undefined => {
    const path = normalizePath(pathname);
    const matching = operations.filter((operation) => operation.pattern.test(path));
    if (matching.length === 0) return undefined;
    const methods = new Set(matching.map((operation) => operation.method));
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    return {
      allowed: METHOD_ORDER.filter((method) => methods.has(method)),
      operationFor: (method) =>
        matching.find((operation) => operation.method === (method === 'HEAD' ? 'GET' : method)),
    };
  };
}

function inputFieldsOf(procedure: Parameters<typeof getInputOutputParsers>[0]): string[] {
  const input = unwrapZodType(getInputOutputParsers(procedure).inputParser, true);
  return instanceofZodTypeObject(input) ? Object.keys(input.shape) : [];
}
