'use client';

import { useCallback, useSyncExternalStore } from 'react';

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
 * Whether this person hid the "Get started" checklist in this organization, remembered in this
 * browser. `storageKey` is null until the person and organization are known: shown meanwhile.
 */
export function useChecklistHidden(storageKey: string | null) {
  const read = useCallback(
    () => (storageKey ? window.localStorage.getItem(storageKey) === 'hidden' : false),
    [storageKey],
  );
  const hidden = useSyncExternalStore(subscribe, read, () => false);
  const hide = useCallback(() => {
    if (!storageKey) return;
    window.localStorage.setItem(storageKey, 'hidden');
    for (const listener of listeners) listener();
  }, [storageKey]);
  return { hidden, hide };
}

export const checklistStorageKey = (userId: string, organizationId: string) =>
  `clientele:get-started-hidden:${userId}:${organizationId}`;
