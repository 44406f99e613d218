'use client';

import { useId } from 'react';
import { ShownOnce } from '@/components/shown-once';

/** A signing secret, shown the one time the server hands it out. */
export function SigningSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const id = useId();
  return (
    <ShownOnce
      values={[{ id, label: 'Signing secret', copyLabel: 'Copy secret', value: secret }]}
      warning={
        'This is the only time the secret is shown. Your receiver uses it to check the ' +
        'webhook-signature header of each delivery (Standard Webhooks).'
      }
      onDone={onDone}
    />
  );
}
