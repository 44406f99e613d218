'use client';

import { useState } from 'react';
import type { ListColumn } from '@/components/list-table';
import { Checkbox } from '@/components/ui/checkbox';
import { TableCell } from '@/components/ui/table';

/** The rows of a table picked for bulk actions, at most `max` of them. */
export interface RowSelection {
  selected: ReadonlySet<string>;
  onSelectedChange: (selected: Set<string>) => void;
  max: number;
}

/**
 * The rows picked in a list for bulk actions. A selection belongs to the view it was made in
 * (`viewKey`, e.g. the list's URL query) and is dropped when the view changes; `shownIds` are the
 * rows picked that are still shown (rows removed meanwhile drop out).
 */
export function useRowSelection(viewKey: string, shown: readonly { id: string }[], max: number) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [selectionView, setSelectionView] = useState(viewKey);
  if (viewKey !== selectionView) {
    setSelectionView(viewKey);
    setSelected(new Set());
  }
  const selection: RowSelection = { selected, onSelectedChange: setSelected, max };
  return {
    selection,
    shownIds: shown.filter((row) => selected.has(row.id)).map((row) => row.id),
    clear: () => setSelected(new Set()),
  };
}

/** The column of checkboxes, headed by one that picks (or drops) every row shown. */
export function selectionColumn(
  rows: readonly { id: string }[],
  { selected, onSelectedChange, max }: RowSelection,
  /** What the heading's checkbox says: "Select all shown customers". */
  label: string,
): ListColumn {
  const selectedHere = rows.filter((row) => selected.has(row.id)).length;
  return {
    className: 'w-10',
    label: (
      <Checkbox
        aria-label={label}
        checked={selectedHere === 0 ? false : selectedHere === rows.length ? true : 'indeterminate'}
        onCheckedChange={(checked) =>
          onSelectedChange(
            checked === true ? new Set(rows.slice(0, max).map((row) => row.id)) : new Set(),
          )
        }
      />
    ),
  };
}

/** A row's checkbox, named after the row; no more rows can be picked once `max` are. */
export function SelectRowCell({
  id,
  name,
  selection: { selected, onSelectedChange, max },
}: {
  id: string;
  name: string;
  selection: RowSelection;
}) {
  const isSelected = selected.has(id);
  return (
    <TableCell aria-label="Select">
      <Checkbox
        aria-label={`Select ${name}`}
        checked={isSelected}
        disabled={!isSelected && selected.size >= max}
        onCheckedChange={(checked) => {
          const next = new Set(selected);
          if (checked === true) next.add(id);
          else next.delete(id);
          onSelectedChange(next);
        }}
      />
    </TableCell>
  );
}
