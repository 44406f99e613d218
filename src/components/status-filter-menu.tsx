'use client';

import { ChevronDownIcon } from 'lucide-react';
import { ChecklistMenu } from '@/components/checklist-menu';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useReplaceSearchParams } from '@/lib/use-replace-search-params';

/**
 * A list's status filter, kept in the URL (?status=…&status=…, in the order of `statuses`): a
 * menu of checkboxes under `heading`, its button counting those chosen.
 */
export function StatusFilterMenu<S extends string>({
  statuses,
  chosen,
  heading,
  labelOf,
}: {
  statuses: readonly S[];
  chosen: readonly S[];
  /** What the menu says above the statuses: "Show deals that are". */
  heading: string;
  labelOf: (status: S) => string;
}) {
  const replace = useReplaceSearchParams();
  const toggle = (status: S, checked: boolean) =>
    replace((params) => {
      const next = new Set(params.getAll('status'));
      if (checked) next.add(status);
      else next.delete(status);
      params.delete('status');
      for (const item of statuses) if (next.has(item)) params.append('status', item);
    });

  return (
    <ChecklistMenu
      trigger={
        <Button variant="outline" className="justify-between">
          Status
          {chosen.length > 0 ? (
            <Badge variant="secondary">
              {chosen.length}
              <span className="sr-only"> selected</span>
            </Badge>
          ) : null}
          <ChevronDownIcon aria-hidden="true" className="opacity-50" />
        </Button>
      }
      heading={heading}
      separated
      options={statuses}
      labelOf={labelOf}
      isChecked={(status) => chosen.includes(status)}
      onCheckedChange={toggle}
    />
  );
}
