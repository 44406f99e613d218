'use client';

import { useId } from 'react';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { EVENT_DESCRIPTIONS, EVENT_TYPES, type EventType } from '@/schemas/events';

const GROUPS: { label: string; prefixes: string[] }[] = [
  { label: 'Customers', prefixes: ['customer.'] },
  { label: 'Companies', prefixes: ['company.'] },
  { label: 'Deals', prefixes: ['deal.'] },
  { label: 'Timeline', prefixes: ['interaction.'] },
  { label: 'Orders', prefixes: ['order.'] },
  { label: 'Imports', prefixes: ['customer_import.', 'company_import.', 'deal_import.'] },
];

/** Checkboxes for the event types an endpoint receives, grouped by what changed. */
export function EventTypesField({
  value,
  onChange,
  error,
}: {
  value: readonly EventType[];
  onChange: (types: EventType[]) => void;
  error?: string;
}) {
  const id = useId();
  const chosen = new Set(value);
  const allChosen = chosen.size === EVENT_TYPES.length;
  const toggle = (type: EventType, on: boolean) =>
    onChange(EVENT_TYPES.filter((t) => (t === type ? on : chosen.has(t))));

  return (
    <fieldset
      className="grid gap-3"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <div className="flex items-center justify-between gap-2">
        <legend className="text-sm font-medium">Events</legend>
        <div className="flex items-center gap-2">
          <Checkbox
            id={`${id}-all`}
            checked={allChosen ? true : chosen.size > 0 ? 'indeterminate' : false}
            onCheckedChange={(checked) => onChange(checked === true ? [...EVENT_TYPES] : [])}
          />
          <Label htmlFor={`${id}-all`} className="font-normal">
            All events
          </Label>
        </div>
      </div>
      <div className="grid max-h-72 gap-4 overflow-y-auto rounded-md border p-3">
        {GROUPS.map((group) => (
          <div key={group.label} className="grid gap-2">
            <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">
              {group.label}
            </p>
            {EVENT_TYPES.filter((type) =>
              group.prefixes.some((prefix) => type.startsWith(prefix)),
            ).map((type) => (
              <div key={type} className="flex items-start gap-2">
                <Checkbox
                  id={`${id}-${type}`}
                  className="mt-0.5"
                  checked={chosen.has(type)}
                  onCheckedChange={(checked) => toggle(type, checked === true)}
                  aria-describedby={`${id}-${type}-description`}
                />
                <div className="grid gap-0.5">
                  <Label htmlFor={`${id}-${type}`} className="font-mono text-xs">
                    {type}
                  </Label>
                  <p id={`${id}-${type}-description`} className="text-xs text-muted-foreground">
                    {EVENT_DESCRIPTIONS[type]}
                  </p>
                </div>
              </div>
            ))}
          </div>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
