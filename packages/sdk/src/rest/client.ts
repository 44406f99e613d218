import createClient, { createQuerySerializer } from 'openapi-fetch';
import { dateFields } from '../generated/date-fields.js';
import type { paths } from '../generated/openapi.js';
import { reviveDates, serializeDates } from './dates.js';
import { ClienteleError, isClienteleApiError } from './errors.js';
import type { ClienteleMethods } from './methods.js';
import type { ListArguments, ListItem, ListPath } from './pagination.js';
import { withRetries, type RetryOptions } from './retry.js';

export interface ClienteleClientOptions {
  /** Where Clientele runs, e.g. https://crm.example.com. */
  baseUrl: string;
  /** An API key (`clt_...`) or an OAuth access token; the client acts with its permissions. */
  apiKey: string;
  /** Retries after network errors and 429/503 answers; `false` turns them off. */
  retry?: RetryOptions | false;
  fetch?: typeof globalThis.fetch;
}

export type ClienteleClient = ClienteleMethods & {
  /**
   * Every item of a list, page after page, as one async iterator:
   *
   *   for await (const customer of clientele.paginate('/customers', { query: { status: ['lead'] } }))
   *
   * Throws a `ClienteleError` when a page is refused.
   */
  paginate<Path extends ListPath>(
    path: Path,
    ...options: ListArguments<Path>
  ): AsyncGenerator<ListItem<Path>, void, undefined>;
};

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type Call = (
  path: string,
  init?: { params?: { query?: Record<string, unknown>; path?: Record<string, unknown> } },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

function checkedBaseUrl(baseUrl: string): string {
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:')
    throw new TypeError(
      `baseUrl must be an http(s) URL such as https://crm.example.com: ${baseUrl}`,
    );
  return baseUrl.replace(/\/$/, '');
}

/**
 * A typed REST client for Clientele's API: every path, parameter, body and response is typed
 * from the OpenAPI document, date-times arrive as `Date`s, errors are typed, lists paginate
 * and calls are retried when that is safe.
 *
 *   const clientele = createClienteleClient({ baseUrl, apiKey });
 *   const { data, error } = await clientele.GET('/customers/{id}', { params: { path: { id } } });
 */
export function createClienteleClient(options: ClienteleClientOptions): ClienteleClient {
  const baseUrl = checkedBaseUrl(options.baseUrl);
  if (!options.apiKey)
    throw new TypeError('apiKey is required: an API key (clt_...) or an OAuth access token');
  const fetch = options.fetch ?? globalThis.fetch;
  const serializeQuery = createQuerySerializer();
  const client = createClient<paths>({
    baseUrl: `${baseUrl}/api/v1`,
    headers: { authorization: `Bearer ${options.apiKey}` },
    fetch: options.retry === false ? fetch : withRetries(fetch, options.retry),
    querySerializer: (query) => serializeQuery(serializeDates(query)),
  });

  const typed = client as unknown as Record<(typeof METHODS)[number], Call>;
  const wrapped = { ...client } as unknown as Record<(typeof METHODS)[number], Call>;
  for (const method of METHODS) {
    const call = typed[method].bind(client);
    wrapped[method] = async (path, init) => {
      const result = await call(path, init);
      if (result.data !== undefined)
        reviveDates(result.data, dateFields.responses[`${method} ${path}`]);
      return result;
    };
  }

  async function* paginate(
    path: string,
    { path: pathParams, query }: { path?: object; query?: object } = {},
  ): AsyncGenerator<unknown, void, undefined> {
    let cursor: string | null = null;
    do {
      const page = await wrapped.GET(path, {
        params: {
          path: pathParams as Record<string, unknown>,
          query: { ...query, ...(cursor ? { cursor } : {}) },
        },
      });
      if (page.error !== undefined) {
        if (isClienteleApiError(page.error))
          throw new ClienteleError(page.response.status, page.error);
        throw new Error(`GET ${path} answered ${page.response.status}`);
      }
      const { items, nextCursor } = page.data as { items: unknown[]; nextCursor: string | null };
      yield* items;
      cursor = nextCursor;
    } while (cursor);
  }

  return Object.assign(wrapped, { paginate }) as unknown as ClienteleClient;
}
