'use client';

import { ShownOnce, type CopyableValue } from '@/components/shown-once';

/** An app's client id and, when it has one, its secret, which is shown this once only. */
export function NewAppCredentials({
  clientId,
  clientSecret,
  onDone,
}: {
  clientId: string;
  clientSecret: string | null;
  onDone: () => void;
}) {
  const values: CopyableValue[] = [
    { id: 'new-app-client-id', label: 'Client ID', copyLabel: 'Copy client ID', value: clientId },
  ];
  if (clientSecret) {
    values.push({
      id: 'new-app-client-secret',
      label: 'Client secret',
      copyLabel: 'Copy secret',
      value: clientSecret,
    });
  }
  return (
    <ShownOnce
      values={values}
      warning={
        clientSecret
          ? 'The secret is shown only now and cannot be shown again. Store it in a secret manager.'
          : undefined
      }
      onDone={onDone}
    >
      {clientSecret ? null : (
        <p className="text-sm text-muted-foreground">
          A public app has no secret: it proves itself with PKCE on every sign-in.
        </p>
      )}
    </ShownOnce>
  );
}
