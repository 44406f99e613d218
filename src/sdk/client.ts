import createClient from 'openapi-fetch';
import type { paths } from './schema';

export type { components, operations, paths } from './schema';

export interface ClienteleClientOptions {
  /** Where Clientele runs, e.g. https://crm.example.com. */
  baseUrl: string;
  /** An API key (`clt_...`); the client acts with its role. */
  apiKey: string;
  fetch?: typeof globalThis.fetch;
}

/**
 * A typed REST client for Clientele's API: every path, parameter, body and response is typed
 * from the OpenAPI document.
 *
 *   const clientele = createClienteleClient({ baseUrl, apiKey });
 *   const { data, error } = await clientele.GET('/customers/{id}', { params: { path: { id } } });
 */
export function createClienteleClient(options: ClienteleClientOptions) {
  return createClient<paths>({
    baseUrl: `${options.baseUrl.replace(/\/$/, '')}/api/v1`,
    headers: { authorization: `Bearer ${options.apiKey}` },
    fetch: options.fetch,
  });
}
