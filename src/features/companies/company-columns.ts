'use client';

import { useCallback, useSyncExternalStore } from 'react';

/** The company table's optional columns; the name is always shown. */
export const COMPANY_COLUMNS = [
  { id: 'domain', label: 'Domain' },
  { id: 'industry', label: 'Industry' },
  { id: 'size', label: 'Size' },
  { id: 'tags', label: 'Tags' },
  { id: 'date', label: 'Created / updated' },
] as const;
export type CompanyColumn = (typeof COMPANY_COLUMNS)[number]['id'];

const STORAGE_KEY = 'clientele.companies.hiddenColumns';
const KNOWN = new Set<string>(COMPANY_COLUMNS.map((column) => column.id));
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

const readStored = () => window.localStorage.getItem(STORAGE_KEY) ?? '';

function parse(stored: string): ReadonlySet<CompanyColumn> {
  return new Set(stored.split(',').filter((id): id is CompanyColumn => KNOWN.has(id)));
}

/** Which columns are hidden, remembered in this browser. */
export function useHiddenCompanyColumns() {
  // The stored string is the snapshot (stable between renders); the server renders every column.
  const stored = useSyncExternalStore(subscribe, readStored, () => '');
  const hidden = parse(stored);
  const setVisible = useCallback((column: CompanyColumn, visible: boolean) => {
    const next = new Set(parse(readStored()));
    if (visible) next.delete(column);
    else next.add(column);
    window.localStorage.setItem(STORAGE_KEY, [...next].join(','));
    for (const listener of listeners) listener();
  }, []);
  return { hidden, setVisible };
}
