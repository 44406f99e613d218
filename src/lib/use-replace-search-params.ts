'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/** Changes the search params in place, so a filtered view can be shared and reloaded. */
export function useReplaceSearchParams() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return useCallback(
    (change: (params: URLSearchParams) => void) => {
      const next = new URLSearchParams(searchParams.toString());
      change(next);
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );
}

/** Sets one search param in place, or removes it when the value is empty. */
export function useSetSearchParam() {
  const replace = useReplaceSearchParams();
  return useCallback(
    (key: string, value: string | undefined) =>
      replace((params) => {
        if (value) params.set(key, value);
        else params.delete(key);
      }),
    [replace],
  );
}

/** Removes the given search params in place: clears a list's filters. */
export function useClearSearchParams(keys: readonly string[]) {
  const replace = useReplaceSearchParams();
  return () =>
    replace((params) => {
      for (const key of keys) params.delete(key);
    });
}
