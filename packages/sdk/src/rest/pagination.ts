import type { paths } from '../generated/openapi.js';

type JsonOf<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

type ListOperation<Path extends keyof paths> = paths[Path] extends { get: infer Get }
  ? JsonOf<Get> extends { items: unknown[]; nextCursor: string | null }
    ? Get
    : never
  : never;

/** Every path whose GET answers a page: `{items, nextCursor}`. */
export type ListPath = {
  [Path in keyof paths]: ListOperation<Path> extends never ? never : Path;
}[keyof paths];

/** One item of the list at `Path`, e.g. a customer for `/customers`. */
export type ListItem<Path extends ListPath> =
  JsonOf<ListOperation<Path>> extends { items: (infer Item)[] } ? Item : never;

type ParametersOf<Path extends ListPath> =
  ListOperation<Path> extends { parameters: infer Parameters } ? Parameters : never;

type QueryOf<Path extends ListPath> =
  ParametersOf<Path> extends { query?: infer Query } ? Omit<NonNullable<Query>, 'cursor'> : never;

type PathParametersOf<Path extends ListPath> =
  ParametersOf<Path> extends { path: infer Params } ? Params : never;

/** The list's filters (all but `cursor`, which the iterator keeps) and its path parameters. */
export type ListOptions<Path extends ListPath> = (PathParametersOf<Path> extends never
  ? { path?: never }
  : PathParametersOf<Path> extends Record<string, never>
    ? { path?: never }
    : { path: PathParametersOf<Path> }) & { query?: QueryOf<Path> };

type RequiresPath<Path extends ListPath> =
  PathParametersOf<Path> extends never
    ? false
    : PathParametersOf<Path> extends Record<string, never>
      ? false
      : true;

/** The second argument: required when the path has parameters (`/customers/{id}/orders`). */
export type ListArguments<Path extends ListPath> =
  RequiresPath<Path> extends true ? [options: ListOptions<Path>] : [options?: ListOptions<Path>];
