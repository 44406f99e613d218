'use client';

import { ShieldCheckIcon, ShieldAlertIcon } from 'lucide-react';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import { api, type RouterOutputs } from '@/trpc/react';

export type AuditVerification = RouterOutputs['audit']['verify'];

/** Recomputes the hash chain of the whole trail on the server and reports what it found. */
export function VerifyIntegrityButton({
  onResult,
}: {
  onResult: (result: AuditVerification) => void;
}) {
  const utils = api.useUtils();
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    try {
      // Always a fresh check: a cached answer would not say anything about now.
      onResult(await utils.audit.verify.fetch(undefined, { staleTime: 0 }));
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Button variant="outline" onClick={() => void verify()} disabled={verifying}>
      <ShieldCheckIcon aria-hidden="true" />
      {verifying ? 'Verifying…' : 'Verify integrity'}
    </Button>
  );
}

export function VerificationAlert({ result }: { result: AuditVerification }) {
  if (result.ok) {
    const count = result.checked.toLocaleString();
    return (
      <Alert>
        <ShieldCheckIcon aria-hidden="true" />
        <AlertTitle>The audit trail is intact</AlertTitle>
        <AlertDescription>
          {result.checked === 1 ? 'The 1 entry checks out.' : `All ${count} entries check out.`}
        </AlertDescription>
      </Alert>
    );
  }
  const broken = result.firstBroken;
  return (
    <Alert variant="destructive">
      <ShieldAlertIcon aria-hidden="true" />
      <AlertTitle>The audit trail was tampered with</AlertTitle>
      <AlertDescription className="text-destructive/90">
        {broken
          ? `Entry #${broken.sequence} was altered or removed: ${broken.reason}`
          : 'The entries do not check out.'}
      </AlertDescription>
    </Alert>
  );
}
