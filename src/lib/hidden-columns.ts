'use client';

import { useCallback, useSyncExternalStore } from 'react';

export interface OptionalColumn<Id extends string> {
  id: Id;
  label: string;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/**
 * Which of a table's optional columns are hidden, remembered in this browser under
 * `storageKey` and shared by every open view of that table.
 */
export function useHiddenColumns<Id extends string>(
  storageKey: string,
  columns: readonly OptionalColumn<Id>[],
) {
  const readStored = useCallback(() => window.localStorage.getItem(storageKey) ?? '', [storageKey]);
  const parse = useCallback(
    (stored: string): ReadonlySet<Id> =>
      new Set(
        stored.split(',').filter((id): id is Id => columns.some((column) => column.id === id)),
      ),
    [columns],
  );
  // The stored string is the snapshot (stable between renders); the server renders every column.
  const stored = useSyncExternalStore(subscribe, readStored, () => '');
  const hidden = parse(stored);
  const setVisible = useCallback(
    (column: Id, visible: boolean) => {
      const next = new Set(parse(readStored()));
      if (visible) next.delete(column);
      else next.add(column);
      window.localStorage.setItem(storageKey, [...next].join(','));
      for (const listener of listeners) listener();
    },
    [parse, readStored, storageKey],
  );
  return { hidden, setVisible };
}
