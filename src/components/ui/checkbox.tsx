'use client';

import * as React from 'react';
import { CheckIcon } from 'lucide-react';
import { cn } from '@/lib/utils';

/**
 * The browser's own checkbox in the look of the others: a real form control, with no script of
 * its own to load. `checked` may be 'indeterminate' (some of a group chosen), which only a
 * script can set on a native box.
 */
function Checkbox({
  className,
  checked,
  onCheckedChange,
  onChange,
  ref,
  ...props
}: Omit<React.ComponentProps<'input'>, 'type' | 'checked'> & {
  checked?: boolean | 'indeterminate';
  onCheckedChange?: (checked: boolean) => void;
}) {
  const indeterminate = checked === 'indeterminate';
  const setRefs = React.useCallback(
    (input: HTMLInputElement | null) => {
      if (input) input.indeterminate = indeterminate;
      if (typeof ref === 'function') return ref(input);
      if (ref) ref.current = input;
    },
    [ref, indeterminate],
  );
  return (
    <span data-slot="checkbox" className={cn('relative inline-flex size-4 shrink-0', className)}>
      <input
        type="checkbox"
        ref={setRefs}
        checked={checked === undefined ? undefined : checked === true}
        onChange={(event) => {
          onChange?.(event);
          onCheckedChange?.(event.target.checked);
        }}
        className="peer size-4 shrink-0 cursor-pointer appearance-none rounded-[4px] border border-input shadow-xs outline-none checked:border-primary checked:bg-primary indeterminate:border-primary indeterminate:bg-primary focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-input/30 dark:checked:bg-primary dark:indeterminate:bg-primary"
        {...props}
      />
      <CheckIcon
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 m-auto hidden size-3.5 text-primary-foreground peer-checked:block"
      />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 m-auto hidden h-0.5 w-2 rounded-full bg-primary-foreground peer-indeterminate:block"
      />
    </span>
  );
}

export { Checkbox };
