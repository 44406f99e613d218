'use client';

import { Button } from '@/components/ui/button';
import type { TimelineEntryType, TimelineRecordType } from '@/schemas/timeline';
import { timelineFilters } from './timeline-types';

/**
 * Buttons that narrow a timeline to some types of entry; pressing "Everything" or the last
 * pressed type again shows every type.
 */
export function TimelineFilters({
  recordType,
  selected,
  onChange,
}: {
  recordType: TimelineRecordType;
  selected: TimelineEntryType[];
  onChange: (types: TimelineEntryType[]) => void;
}) {
  const toggle = (type: TimelineEntryType) =>
    onChange(
      selected.includes(type) ? selected.filter((other) => other !== type) : [...selected, type],
    );
  return (
    <div role="group" aria-label="Show on the timeline" className="flex flex-wrap gap-2">
      <Button
        type="button"
        size="sm"
        variant={selected.length === 0 ? 'secondary' : 'outline'}
        aria-pressed={selected.length === 0}
        onClick={() => onChange([])}
      >
        Everything
      </Button>
      {timelineFilters(recordType).map(({ type, label }) => {
        const pressed = selected.includes(type);
        return (
          <Button
            key={type}
            type="button"
            size="sm"
            variant={pressed ? 'secondary' : 'outline'}
            aria-pressed={pressed}
            onClick={() => toggle(type)}
          >
            {label}
          </Button>
        );
      })}
    </div>
  );
}
