import type { SavedViewState } from '@/schemas/saved-views';

/** The search params a list may repeat (a view keeps them as lists of values). */
const MULTI_VALUE_PARAMS = new Set(['status']);

/**
 * How a list writes its URL state: the query of what the params ask for, with anything unknown
 * or malformed left out and defaults dropped, so two URLs of the same view compare equal.
 */
export type CanonicalQuery = (params: URLSearchParams) => string;

/** The search params of a view's state. */
export function viewStateParams(state: SavedViewState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    for (const item of [value].flat()) params.append(key, item);
  }
  return params;
}

/** The state a view keeps for a list's URL query. */
export function viewStateOf(query: string): SavedViewState {
  const params = new URLSearchParams(query);
  const state: SavedViewState = {};
  for (const key of new Set(params.keys())) {
    state[key] = MULTI_VALUE_PARAMS.has(key) ? params.getAll(key) : (params.get(key) ?? '');
  }
  return state;
}

/** The list's query for a view, in the list's own canonical form. */
export const viewQuery = (state: SavedViewState, canonical: CanonicalQuery) =>
  canonical(viewStateParams(state));

/** The link that opens a list with a view applied. */
export function viewHref(pathname: string, state: SavedViewState, canonical: CanonicalQuery) {
  const query = viewQuery(state, canonical);
  return query ? `${pathname}?${query}` : pathname;
}

/** The first of the views that shows exactly what the list's query asks for. */
export function viewShowing<V extends { state: SavedViewState }>(
  views: readonly V[],
  query: string,
  canonical: CanonicalQuery,
): V | undefined {
  return views.find((view) => viewQuery(view.state, canonical) === query);
}
