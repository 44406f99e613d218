'use client';

import { SendIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import type { WebhookTestResult } from '@/schemas/webhooks';
import { api } from '@/trpc/react';

function describeOutcome(result: WebhookTestResult): string {
  if (result.ok) {
    return `The test event was received: answered ${result.responseStatus} in ${result.durationMs} ms.`;
  }
  return `The test event failed after ${result.durationMs} ms: ${result.error ?? 'no answer'}.`;
}

/** Sends a signed `webhook.test` event now and says how the endpoint answered. */
export function SendTestEvent({ endpointId }: { endpointId: string }) {
  const utils = api.useUtils();
  const send = api.webhooks.sendTest.useMutation({
    onSettled: () => utils.webhooks.deliveries.invalidate({ endpointId }),
  });
  return (
    <div className="grid gap-2">
      <div>
        <Button
          variant="outline"
          disabled={send.isPending}
          onClick={() => send.mutate({ id: endpointId })}
        >
          <SendIcon aria-hidden="true" />
          {send.isPending ? 'Sending test event…' : 'Send test event'}
        </Button>
      </div>
      <p
        role="status"
        className={
          send.data?.ok === false || send.error
            ? 'text-sm text-destructive'
            : 'text-sm text-muted-foreground'
        }
      >
        {send.data ? describeOutcome(send.data) : send.error ? describeError(send.error) : null}
      </p>
    </div>
  );
}
