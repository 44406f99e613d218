/** One page of a cursor-paged list, as the list procedures answer. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** `getNextPageParam` of an infinite query over cursor pages: none after the last page. */
export const nextPageCursor = (page: CursorPage<unknown>) => page.nextCursor ?? undefined;

/** Every item of the pages loaded so far, in order. */
export function loadedItems<T>(data: { pages: CursorPage<T>[] } | undefined): T[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}
