'use client';

import { TriangleAlertIcon } from 'lucide-react';
import { useId } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Label } from '@/components/ui/label';

/** A signing secret, shown the one time the server hands it out. */
export function SigningSecret({ secret }: { secret: string }) {
  const id = useId();
  return (
    <div className="grid gap-4">
      <div className="grid gap-2">
        <Label htmlFor={id}>Signing secret</Label>
        <div className="flex items-center gap-2">
          <input
            id={id}
            readOnly
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
            className="h-9 min-w-0 flex-1 rounded-md border bg-muted px-3 font-mono text-sm"
          />
          <CopyButton value={secret} label="Copy secret" />
        </div>
      </div>
      <Alert>
        <TriangleAlertIcon aria-hidden="true" />
        <AlertDescription>
          This is the only time the secret is shown. Your receiver uses it to check the
          webhook-signature header of each delivery (Standard Webhooks).
        </AlertDescription>
      </Alert>
    </div>
  );
}
