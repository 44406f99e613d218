'use client';

import { ChevronDownIcon } from 'lucide-react';
import { ChecklistMenu } from '@/components/checklist-menu';
import { Button } from '@/components/ui/button';
import { DropdownMenuItem, DropdownMenuSeparator } from '@/components/ui/dropdown-menu';

/**
 * Which statuses a list shows, all of them when none is chosen: a labelled button saying which
 * ("All", "Lead, Active", "3 selected") that opens a menu of checkboxes.
 */
export function StatusChecklistFilter<S extends string>({
  statuses,
  chosen,
  heading,
  labelOf,
  onChange,
}: {
  statuses: readonly S[];
  chosen: readonly S[];
  /** What the menu says above the statuses: "Show customers who are". */
  heading: string;
  labelOf: (status: S) => string;
  /** The statuses now chosen, in the order of `statuses`. */
  onChange: (statuses: S[]) => void;
}) {
  function toggle(status: S, checked: boolean) {
    const next = new Set(chosen);
    if (checked) next.add(status);
    else next.delete(status);
    onChange(statuses.filter((item) => next.has(item)));
  }

  const summary =
    chosen.length === 0
      ? 'All'
      : chosen.length <= 2
        ? chosen.map(labelOf).join(', ')
        : `${chosen.length} selected`;

  return (
    <div className="grid gap-2">
      {/* The button names itself ("Status: All"); this is its visible label. */}
      <span className="flex items-center text-sm leading-none font-medium" aria-hidden="true">
        Status
      </span>
      <ChecklistMenu
        trigger={
          <Button variant="outline" className="max-w-60 justify-between font-normal">
            <span className="truncate">
              <span className="sr-only">Status: </span>
              {summary}
            </span>
            <ChevronDownIcon aria-hidden="true" className="opacity-50" />
          </Button>
        }
        heading={heading}
        options={statuses}
        labelOf={labelOf}
        isChecked={(status) => chosen.includes(status)}
        onCheckedChange={toggle}
      >
        {chosen.length > 0 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => onChange([])}>Show all statuses</DropdownMenuItem>
          </>
        ) : null}
      </ChecklistMenu>
    </div>
  );
}
