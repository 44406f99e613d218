'use client';

import { SearchIcon } from 'lucide-react';
import { useId } from 'react';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import type { Sorting, SortOrder } from '@/lib/sorting';

/** A list's search box, named for assistive technology alone ("Search customers"). */
export function SearchBox({
  label,
  placeholder,
  maxLength,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="grid w-full max-w-sm gap-2">
      <Label htmlFor={id} className="sr-only">
        {label}
      </Label>
      <div className="relative">
        <SearchIcon
          className="pointer-events-none absolute top-2.5 left-3 size-4 text-muted-foreground"
          aria-hidden="true"
        />
        <Input
          id={id}
          type="search"
          data-page-search
          placeholder={placeholder}
          className="pl-9"
          maxLength={maxLength}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    </div>
  );
}

/**
 * "Sort by" one of `sorts` and "Direction". Choosing a field also turns the list to that
 * field's usual direction.
 */
export function SortFields<S extends string>({
  sorting,
  sorts,
  sort,
  order,
  onChange,
}: {
  sorting: Sorting<S>;
  /** The fields offered now. */
  sorts: readonly S[];
  sort: S;
  order: SortOrder;
  onChange: (change: { sort?: S; order: SortOrder }) => void;
}) {
  const ids = { sort: useId(), order: useId() };
  return (
    <>
      <div className="grid gap-2">
        <Label htmlFor={ids.sort}>Sort by</Label>
        <NativeSelect
          id={ids.sort}
          className="w-36"
          value={sort}
          onChange={(event) => {
            const next = event.target.value as S;
            onChange({ sort: next, order: sorting.defaultOrder[next] });
          }}
        >
          {sorts.map((field) => (
            <option key={field} value={field}>
              {sorting.labels[field]}
            </option>
          ))}
        </NativeSelect>
      </div>

      <div className="grid gap-2">
        <Label htmlFor={ids.order}>Direction</Label>
        <NativeSelect
          id={ids.order}
          className="w-36"
          value={order}
          onChange={(event) => onChange({ order: event.target.value as SortOrder })}
        >
          {sorting.directions.map((direction) => (
            <option key={direction} value={direction}>
              {sorting.orderLabel(sort, direction)}
            </option>
          ))}
        </NativeSelect>
      </div>
    </>
  );
}
