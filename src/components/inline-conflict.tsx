'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Popover, PopoverAnchor, PopoverContent } from '@/components/ui/popover';

/**
 * What an inline cell shows when someone else saved the field meanwhile: their value beside the
 * one typed, to save it anyway or keep theirs. Loaded with the first conflict, not with the list.
 */
export function InlineConflict({
  anchor,
  title,
  theirs,
  yours,
  onKeepTheirs,
  onSaveMine,
  returnFocus,
}: {
  /** The cell the popover points at. */
  anchor: React.RefObject<HTMLElement | null>;
  title: string;
  theirs: string;
  yours: string;
  onKeepTheirs: () => void;
  onSaveMine: () => void;
  /** Where focus goes once the popover closes: the cell's button. */
  returnFocus: React.RefObject<HTMLElement | null>;
}) {
  const titleId = useId();
  return (
    <Popover
      open
      onOpenChange={(open) => {
        if (!open) onKeepTheirs();
      }}
    >
      <PopoverAnchor virtualRef={anchor as React.RefObject<HTMLElement>} />
      <PopoverContent
        align="start"
        aria-labelledby={titleId}
        className="grid gap-3 text-sm"
        onInteractOutside={(event) => event.preventDefault()}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus.current?.focus();
        }}
      >
        <p id={titleId} className="font-medium">
          {title}
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-muted-foreground">Theirs</dt>
          <dd className="break-words">{theirs}</dd>
          <dt className="text-muted-foreground">Yours</dt>
          <dd className="break-words">{yours}</dd>
        </dl>
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="outline" size="sm" onClick={onKeepTheirs}>
            Keep theirs
          </Button>
          <Button type="button" size="sm" onClick={onSaveMine}>
            Save mine
          </Button>
        </div>
      </PopoverContent>
    </Popover>
  );
}
