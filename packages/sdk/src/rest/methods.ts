import type { MaybeOptionalInit, Middleware } from 'openapi-fetch';
import type {
  ErrorResponseJSON,
  PathsWithMethod,
  RequiredKeysOf,
  SuccessResponseJSON,
} from 'openapi-typescript-helpers';
import type { paths } from '../generated/openapi.js';

type Method = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

type InitParam<Init> =
  RequiredKeysOf<Init> extends never
    ? [(Init & { [key: string]: unknown })?]
    : [Init & { [key: string]: unknown }];

/**
 * What a call resolves to: `data` (dates as `Date`s) or `error` (the typed error body), and
 * the `response`. openapi-fetch's own result type maps every object field by field, which
 * would turn a `Date` into a bag of its methods; the bodies here are the document's types.
 */
export type ClienteleResult<Operation> =
  | {
      data: SuccessResponseJSON<Operation & Record<string | number, unknown>>;
      error?: never;
      response: Response;
    }
  | {
      data?: never;
      error: ErrorResponseJSON<Operation & Record<string | number, unknown>>;
      response: Response;
    };

export type ClienteleMethod<M extends Method> = <
  Path extends PathsWithMethod<paths, M>,
  Init extends MaybeOptionalInit<paths[Path], M>,
>(
  path: Path,
  ...init: InitParam<Init>
) => Promise<ClienteleResult<paths[Path][M]>>;

export interface ClienteleMethods {
  GET: ClienteleMethod<'get'>;
  PUT: ClienteleMethod<'put'>;
  POST: ClienteleMethod<'post'>;
  DELETE: ClienteleMethod<'delete'>;
  OPTIONS: ClienteleMethod<'options'>;
  HEAD: ClienteleMethod<'head'>;
  PATCH: ClienteleMethod<'patch'>;
  TRACE: ClienteleMethod<'trace'>;
  /** Adds openapi-fetch middleware (e.g. logging) to every call. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
}
