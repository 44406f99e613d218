'use client';

import type { LucideIcon } from 'lucide-react';
import type { DialogOpenState } from '@/components/form-dialog';
import { Button } from '@/components/ui/button';
import { useOpenOnce } from '@/lib/use-open-once';

/**
 * A button opening a dialog whose code loads when it is first wanted: as soon as the button is
 * pointed at or focused, at the latest when it is pressed. Once opened, the dialog stays mounted,
 * so it closes (and hands focus back) in place.
 */
export function LazyDialogButton({
  load,
  icon: Icon,
  variant,
  size,
  dialog,
  children,
  initiallyOpen,
}: {
  /** Starts loading the dialog's code: the import its `dynamic` component loads. */
  load: () => Promise<unknown>;
  icon: LucideIcon;
  variant?: 'default' | 'outline';
  size?: 'sm';
  /** The dialog, given whether it is open. */
  dialog: (state: DialogOpenState) => React.ReactNode;
  /** The button's text. */
  children: React.ReactNode;
  /** Open when the page comes, as a link asked (e.g. the palette's "New task"). */
  initiallyOpen?: boolean;
}) {
  const { open, mounted, setOpen } = useOpenOnce(initiallyOpen);
  return (
    <>
      <Button
        variant={variant}
        size={size}
        aria-haspopup="dialog"
        onPointerEnter={() => void load()}
        onFocus={() => void load()}
        onClick={() => setOpen(true)}
      >
        <Icon aria-hidden="true" />
        {children}
      </Button>
      {mounted ? dialog({ open, onOpenChange: setOpen }) : null}
    </>
  );
}
