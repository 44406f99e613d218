'use client';

import { returnFocusTo } from '@/components/return-focus';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { SubmitButton } from '@/components/submit-button';
import { Button } from '@/components/ui/button';

/** Whether a dialog opened from elsewhere is open, how it closes, and where focus goes then. */
export interface DialogOpenState {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes when the dialog closes (e.g. the menu that opened it). */
  finalFocus?: React.RefObject<HTMLElement | null>;
}

/** A dialog named by its title, with what it is for under it, holding a form or its result. */
export function FormDialog({
  trigger,
  open,
  onOpenChange,
  title,
  description,
  descriptionClassName,
  className,
  keepOpenOnOutsideClick = false,
  finalFocus,
  children,
}: {
  /** The button that opens the dialog; leave out when the caller opens it through `open`. */
  trigger?: React.ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: React.ReactNode;
  description?: React.ReactNode;
  descriptionClassName?: string;
  className?: string;
  /** For what a stray click must not throw away, such as a secret shown once. */
  keepOpenOnOutsideClick?: boolean;
  /** Where focus goes once the dialog has closed. */
  finalFocus?: React.RefObject<HTMLElement | null>;
  children: React.ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent
        className={className}
        onCloseAutoFocus={returnFocusTo(finalFocus)}
        onEscapeKeyDown={(event) => {
          // Escape in an open suggestion list (a mention being typed) closes the list only.
          if (isExpandedCombobox(event.target)) event.preventDefault();
        }}
        onInteractOutside={(event) => {
          if (keepOpenOnOutsideClick) event.preventDefault();
        }}
      >
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description ? (
            <DialogDescription className={descriptionClassName}>{description}</DialogDescription>
          ) : null}
        </DialogHeader>
        {children}
      </DialogContent>
    </Dialog>
  );
}

/** A combobox whose list is open, or one that answers Escape itself (`data-keeps-escape`). */
const isExpandedCombobox = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  target.getAttribute('role') === 'combobox' &&
  (target.getAttribute('aria-expanded') === 'true' || target.dataset.keepsEscape === 'true');

/** The buttons under a dialog's form: an optional Cancel, then the submit button. */
export function FormDialogActions({
  pending,
  submitLabel,
  pendingLabel,
  submitDisabled = false,
  onCancel,
}: {
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  submitDisabled?: boolean;
  onCancel?: () => void;
}) {
  return (
    <DialogFooter>
      {onCancel ? (
        <Button type="button" variant="outline" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      ) : null}
      <SubmitButton pending={pending} pendingLabel={pendingLabel} disabled={submitDisabled}>
        {submitLabel}
      </SubmitButton>
    </DialogFooter>
  );
}
