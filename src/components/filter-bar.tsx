import { XIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** The filters of a list in one labelled group, with a way to clear them when any is set. */
export function FilterBar({
  label,
  onClear,
  children,
}: {
  /** Names the group for assistive technology: "Filter orders". */
  label: string;
  /** Clears every filter; leave out while none is set. */
  onClear?: () => void;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end gap-4" role="group" aria-label={label}>
      {children}
      {onClear ? (
        <Button variant="ghost" onClick={onClear}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}

/** A filter set from elsewhere (a link), shown with a button that removes it. */
export function FilterChip({
  removeLabel,
  onRemove,
  children,
}: {
  /** What the remove button says to assistive technology: "Remove the customer filter". */
  removeLabel: string;
  onRemove: () => void;
  children: React.ReactNode;
}) {
  return (
    <span className="inline-flex h-9 items-center gap-1 rounded-md border bg-secondary pr-1 pl-3 text-sm text-secondary-foreground">
      {children}
      <Button
        variant="ghost"
        size="icon"
        className="size-7"
        aria-label={removeLabel}
        onClick={onRemove}
      >
        <XIcon aria-hidden="true" />
      </Button>
    </span>
  );
}
