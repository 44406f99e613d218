'use client';

import { useState } from 'react';
import { returnFocusTo } from '@/components/return-focus';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import { cn } from '@/lib/utils';

interface ConfirmDestructiveDialogProps {
  /** The button that opens the dialog; leave out when the caller opens it through `open`. */
  trigger?: React.ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: React.ReactNode;
  description: React.ReactNode;
  descriptionClassName?: string;
  /** More to confirm between the description and the buttons, e.g. a name to type. */
  children?: React.ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while the promise from `onConfirm` is pending. */
  pendingLabel?: string;
  cancelLabel?: string;
  /** Destructive unless the action can be undone or repeated harmlessly. */
  variant?: 'destructive' | 'default';
  confirmDisabled?: boolean;
  /**
   * Runs the action. Return its promise to keep the dialog open until it settles: it closes
   * when the action succeeds and shows why when it fails, so a failure is seen where it
   * happened. Return nothing to close at once and leave the progress to the page.
   */
  onConfirm: () => Promise<unknown> | void;
  /** Where focus goes once the dialog has closed. */
  finalFocus?: React.RefObject<HTMLElement | null>;
}

/** Asks before an action that cannot be taken back, naming what will happen. */
export function ConfirmDestructiveDialog({
  trigger,
  open: controlledOpen,
  onOpenChange,
  title,
  description,
  descriptionClassName,
  children,
  confirmLabel,
  pendingLabel,
  cancelLabel = 'Cancel',
  variant = 'destructive',
  confirmDisabled = false,
  onConfirm,
  finalFocus,
}: ConfirmDestructiveDialogProps) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = controlledOpen ?? uncontrolledOpen;

  function changeOpen(next: boolean) {
    setError(null);
    setUncontrolledOpen(next);
    onOpenChange?.(next);
  }

  async function confirm() {
    if (pending || confirmDisabled) return;
    const action = onConfirm();
    if (!action) {
      changeOpen(false);
      return;
    }
    setError(null);
    setPending(true);
    try {
      await action;
      changeOpen(false);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    <AlertDialog open={open} onOpenChange={(next) => !pending && changeOpen(next)}>
      {trigger ? <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger> : null}
      <AlertDialogContent onCloseAutoFocus={returnFocusTo(finalFocus)}>
        <form
          method="post"
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          <AlertDialogHeader>
            <AlertDialogTitle>{title}</AlertDialogTitle>
            <AlertDialogDescription asChild>
              <div className={cn('grid gap-2', descriptionClassName)}>{description}</div>
            </AlertDialogDescription>
          </AlertDialogHeader>
          {children}
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <AlertDialogFooter>
            <AlertDialogCancel type="button" disabled={pending}>
              {cancelLabel}
            </AlertDialogCancel>
            <Button type="submit" variant={variant} disabled={pending || confirmDisabled}>
              {pending && pendingLabel ? pendingLabel : confirmLabel}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
