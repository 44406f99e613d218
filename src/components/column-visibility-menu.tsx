'use client';

import { Columns3Icon } from 'lucide-react';
import { ChecklistMenu } from '@/components/checklist-menu';
import { Button } from '@/components/ui/button';
import type { OptionalColumn } from '@/lib/hidden-columns';

/** A table's optional columns, each switched on or off. */
export function ColumnVisibilityMenu<Id extends string>({
  columns,
  hidden,
  onChange,
}: {
  columns: readonly OptionalColumn<Id>[];
  hidden: ReadonlySet<Id>;
  onChange: (column: Id, visible: boolean) => void;
}) {
  const labels = new Map(columns.map((column) => [column.id, column.label]));
  return (
    <ChecklistMenu
      trigger={
        <Button variant="outline" size="sm">
          <Columns3Icon aria-hidden="true" />
          Columns
        </Button>
      }
      heading="Show columns"
      align="end"
      options={columns.map((column) => column.id)}
      labelOf={(id) => labels.get(id) ?? id}
      isChecked={(id) => !hidden.has(id)}
      onCheckedChange={onChange}
    />
  );
}
