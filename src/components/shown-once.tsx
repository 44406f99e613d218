'use client';

import { TriangleAlertIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DialogFooter } from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';

/** A value to copy: its field's id and label, and what its copy button says. */
export interface CopyableValue {
  id: string;
  label: string;
  copyLabel: string;
  value: string;
}

function CopyableField({ id, label, copyLabel, value }: CopyableValue) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-md border bg-muted px-3 font-mono text-sm"
        />
        <CopyButton value={value} label={copyLabel} />
      </div>
    </div>
  );
}

/**
 * The body of a dialog showing credentials just issued: each value to copy, the warning that
 * the secret among them is shown this once (when there is one), what else helps use them, and
 * Done. The dialog forgets them when it closes.
 */
export function ShownOnce({
  values,
  warning,
  children,
  onDone,
}: {
  values: CopyableValue[];
  /** Says the secret cannot be shown again; none when nothing shown is secret. */
  warning?: string;
  children?: ReactNode;
  onDone: () => void;
}) {
  return (
    <>
      {values.map((value) => (
        <CopyableField key={value.id} {...value} />
      ))}
      {warning ? (
        <Alert>
          <TriangleAlertIcon aria-hidden="true" />
          <AlertDescription>{warning}</AlertDescription>
        </Alert>
      ) : null}
      {children}
      <DialogFooter>
        <Button type="button" onClick={onDone}>
          Done
        </Button>
      </DialogFooter>
    </>
  );
}
