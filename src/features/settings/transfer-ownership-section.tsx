'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { ErrorState } from '@/components/error-state';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { Button } from '@/components/ui/button';
import { FormSelectField } from '@/components/select-field';
import { SelectItem } from '@/components/ui/select';
import { applyServerErrors, describeError } from '@/lib/server-errors';
import { transferOwnershipInput } from '@/schemas/organizations';
import { api } from '@/trpc/react';
import { SectionSkeleton, SettingsCard } from './settings-card';

const FIELDS = ['userId'] as const;

export function TransferOwnershipSection() {
  const me = api.auth.me.useQuery();
  const members = api.members.list.useQuery({});
  const pending = me.isPending || members.isPending;
  const error = me.error ?? members.error;

  return (
    <SettingsCard
      title="Transfer ownership"
      description="Make another member the owner of this organization. You stay on as an admin."
    >
      {pending ? (
        <SectionSkeleton label="Loading members" rows={1} />
      ) : error ? (
        <ErrorState
          what="The members could not be loaded."
          error={error}
          retry={() => {
            void me.refetch();
            void members.refetch();
          }}
        />
      ) : (
        <TransferForm
          candidates={(members.data?.items ?? []).filter(
            (member) => member.userId !== me.data?.user?.id,
          )}
        />
      )}
    </SettingsCard>
  );
}

function TransferForm({
  candidates,
}: {
  candidates: { userId: string; name: string; email: string }[];
}) {
  const router = useRouter();
  const utils = api.useUtils();
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    resolver: zodResolver(transferOwnershipInput),
    defaultValues: { userId: '' },
  });
  const transfer = api.organizations.transferOwnership.useMutation({
    onSuccess: async () => {
      const owner = candidates.find((member) => member.userId === form.getValues('userId'));
      toast.success(`${owner?.name ?? 'The member'} is now the owner`);
      form.reset({ userId: '' });
      await utils.invalidate();
      router.refresh();
    },
    onError: (error) => {
      if (!applyServerErrors(error, form.setError, FIELDS)) toast.error(describeError(error));
    },
  });
  const { errors } = form.formState;
  const chosenId = useWatch({ control: form.control, name: 'userId' });

  if (candidates.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        There is nobody else in this organization yet. Invite someone first.
      </p>
    );
  }

  const userIdError =
    errors.userId?.type === 'server' ? errors.userId.message : errors.userId && 'Choose a member';
  const chosen = candidates.find((member) => member.userId === chosenId);

  return (
    <>
      <form
        method="post"
        noValidate
        className="grid gap-4"
        onSubmit={form.handleSubmit(() => setConfirming(true))}
      >
        <FormSelectField
          control={form.control}
          name="userId"
          id="transfer-new-owner"
          label="New owner"
          placeholder="Choose a member"
          error={userIdError}
        >
          {candidates.map((member) => (
            <SelectItem key={member.userId} value={member.userId}>
              {member.name} ({member.email})
            </SelectItem>
          ))}
        </FormSelectField>
        <div>
          <Button type="submit" disabled={transfer.isPending}>
            {transfer.isPending ? 'Transferring…' : 'Transfer ownership'}
          </Button>
        </div>
      </form>
      <ConfirmDestructiveDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Make ${chosen?.name ?? 'this member'} the owner?`}
        description="You will become an admin. Only the new owner can give ownership back."
        variant="default"
        confirmLabel="Transfer ownership"
        onConfirm={() => transfer.mutate({ userId: form.getValues('userId') })}
      />
    </>
  );
}
