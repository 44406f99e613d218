'use client';

import { Popover, PopoverAnchor, PopoverContent } from '@/components/ui/popover';
import { NotificationPanel } from './notification-panel';

/**
 * The bell's panel of the latest notifications, pointing at the bell. Loaded when the bell is
 * first pressed, so no page carries the panel's code until then.
 */
export function NotificationPopover({
  bell,
  unread,
  open,
  onOpenChange,
}: {
  bell: React.RefObject<HTMLButtonElement | null>;
  unread: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Popover open={open} onOpenChange={onOpenChange}>
      <PopoverAnchor virtualRef={bell as React.RefObject<HTMLButtonElement>} />
      <PopoverContent
        align="end"
        collisionPadding={8}
        aria-labelledby="notification-panel-title"
        className="w-[min(24rem,calc(100vw-1rem))] p-3"
        // A press on the bell toggles the panel itself; it is not a click outside.
        onInteractOutside={(event) => {
          if (bell.current?.contains(event.target as Node)) event.preventDefault();
        }}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          bell.current?.focus();
        }}
      >
        <NotificationPanel unread={unread} onClose={() => onOpenChange(false)} />
      </PopoverContent>
    </Popover>
  );
}
