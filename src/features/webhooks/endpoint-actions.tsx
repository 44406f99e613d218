'use client';

import { KeyRoundIcon, PencilIcon, Trash2Icon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { toast } from '@/lib/toast';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { FormDialog } from '@/components/form-dialog';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Switch } from '@/components/ui/switch';
import { describeError } from '@/lib/server-errors';
import type { WebhookEndpoint } from '@/schemas/webhooks';
import { api } from '@/trpc/react';
import { EndpointFormDialog } from './endpoint-form-dialog';
import { SigningSecret } from './signing-secret';

export function EndpointActions({ endpoint }: { endpoint: WebhookEndpoint }) {
  const [editing, setEditing] = useState(false);
  return (
    <>
      <EnabledSwitch endpoint={endpoint} />
      <Button variant="outline" onClick={() => setEditing(true)}>
        <PencilIcon aria-hidden="true" />
        Edit
      </Button>
      <RotateSecretButton endpoint={endpoint} />
      <DeleteEndpointButton endpoint={endpoint} />
      <EndpointFormDialog open={editing} onOpenChange={setEditing} endpoint={endpoint} />
    </>
  );
}

function EnabledSwitch({ endpoint }: { endpoint: WebhookEndpoint }) {
  const id = useId();
  const utils = api.useUtils();
  const update = api.webhooks.update.useMutation({
    onMutate: async ({ enabled }) => {
      await utils.webhooks.get.cancel({ id: endpoint.id });
      utils.webhooks.get.setData({ id: endpoint.id }, (old) =>
        old && enabled !== undefined ? { ...old, enabled } : old,
      );
    },
    onSuccess: (saved) => toast.success(saved.enabled ? 'Deliveries resumed' : 'Deliveries paused'),
    onError: (error) => {
      utils.webhooks.get.setData({ id: endpoint.id }, endpoint);
      toast.error(describeError(error));
    },
    onSettled: () => utils.webhooks.invalidate(),
  });
  return (
    <div className="mr-2 flex items-center gap-2">
      <Switch
        id={id}
        checked={endpoint.enabled}
        disabled={update.isPending}
        onCheckedChange={(enabled) => update.mutate({ id: endpoint.id, enabled })}
      />
      <Label htmlFor={id}>Enabled</Label>
    </div>
  );
}

function RotateSecretButton({ endpoint }: { endpoint: WebhookEndpoint }) {
  const [secret, setSecret] = useState<string | null>(null);
  const utils = api.useUtils();
  const rotate = api.webhooks.rotateSecret.useMutation({
    onSuccess: () => void utils.webhooks.invalidate(),
  });
  return (
    <>
      <ConfirmDestructiveDialog
        trigger={
          <Button variant="outline">
            <KeyRoundIcon aria-hidden="true" />
            Rotate secret
          </Button>
        }
        title="Rotate the signing secret?"
        description="You get a new secret. For the next 24 hours each delivery is signed with both the new and the current one, so the receiver can switch over without missing events."
        variant="default"
        confirmLabel="Rotate secret"
        pendingLabel="Rotating…"
        onConfirm={async () => setSecret((await rotate.mutateAsync({ id: endpoint.id })).secret)}
      />
      <FormDialog
        open={secret !== null}
        onOpenChange={(next) => !next && setSecret(null)}
        keepOpenOnOutsideClick
        title="Copy the new signing secret"
        description="The previous secret keeps working for 24 hours."
      >
        {secret ? <SigningSecret secret={secret} onDone={() => setSecret(null)} /> : null}
      </FormDialog>
    </>
  );
}

function DeleteEndpointButton({ endpoint }: { endpoint: WebhookEndpoint }) {
  const router = useRouter();
  const utils = api.useUtils();
  const remove = api.webhooks.delete.useMutation({
    onSuccess: async () => {
      toast.success('The endpoint was deleted');
      await utils.webhooks.list.invalidate();
      router.push('/webhooks');
    },
  });
  return (
    <ConfirmDestructiveDialog
      trigger={
        <Button variant="outline">
          <Trash2Icon aria-hidden="true" />
          Delete
        </Button>
      }
      title="Delete this endpoint?"
      description={`${endpoint.url} gets no more events, scheduled retries are dropped and its delivery log is removed.`}
      descriptionClassName="break-all"
      confirmLabel="Delete endpoint"
      pendingLabel="Deleting…"
      onConfirm={() => remove.mutateAsync({ id: endpoint.id })}
    />
  );
}
