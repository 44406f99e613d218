'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';

/** A record opened from the search palette, as the palette shows it again. */
export interface RecentRecord {
  kind: 'customer' | 'company' | 'deal' | 'order' | 'task';
  id: string;
  title: string;
  subtitle: string | null;
  href: string;
}

/** How many records the palette keeps, newest first. */
export const RECENT_RECORDS_KEPT = 8;

const storageKey = (organizationId: string) => `clientele:recent-records:${organizationId}`;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab opening a record changes the list too.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function readStored(key: string | undefined): string | null {
  if (!key) return null;
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function parse(stored: string | null): RecentRecord[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (item): item is RecentRecord =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as RecentRecord).id === 'string' &&
        typeof (item as RecentRecord).title === 'string' &&
        typeof (item as RecentRecord).href === 'string' &&
        (item as RecentRecord).href.startsWith('/'),
    );
  } catch {
    return [];
  }
}

/**
 * The records last opened in one organization (kept in this browser), newest first, and
 * `remember`, which puts a record at the front. Nothing is kept until the organization is known.
 */
export function useRecentRecords(organizationId: string | undefined) {
  const key = organizationId ? storageKey(organizationId) : undefined;
  const stored = useSyncExternalStore(
    subscribe,
    () => readStored(key),
    () => null,
  );
  const records = useMemo(() => parse(stored), [stored]);

  const remember = useCallback(
    (record: RecentRecord) => {
      if (!key) return;
      const { kind, id, title, subtitle, href } = record;
      const next = [
        { kind, id, title, subtitle, href },
        ...parse(readStored(key)).filter((item) => !(item.kind === kind && item.id === id)),
      ].slice(0, RECENT_RECORDS_KEPT);
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or refused (private browsing): the list just is not kept.
        return;
      }
      listeners.forEach((listener) => listener());
    },
    [key],
  );

  return { records, remember };
}
