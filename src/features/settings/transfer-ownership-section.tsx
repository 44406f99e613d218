'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { PostForm } from '@/components/post-form';
import { FormSelectField } from '@/components/select-field';
import { QueryState } from '@/components/query-state';
import { bothQueries, SettingsSection } from '@/components/settings-section';
import { SubmitButton } from '@/components/submit-button';
import { SelectItem } from '@/components/ui/select';
import { transferOwnershipInput } from '@/schemas/organizations';
import { api } from '@/trpc/react';

const FIELDS = ['userId'] as const;

export function TransferOwnershipSection() {
  const me = api.auth.me.useQuery();
  const members = api.members.list.useQuery({});

  return (
    <SettingsSection
      title="Transfer ownership"
      description="Make another member the owner of this organization. You stay on as an admin."
    >
      <QueryState
        query={bothQueries(me, members)}
        loading={{ label: 'Loading members', shape: 'fields', count: 1 }}
        failure="The members could not be loaded."
      >
        {([{ user }, { items }]) => (
          <TransferForm candidates={items.filter((member) => member.userId !== user?.id)} />
        )}
      </QueryState>
    </SettingsSection>
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
    onError: fieldsOrToast(form.setError, FIELDS),
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
      <PostForm onSubmit={form.handleSubmit(() => setConfirming(true))}>
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
          <SubmitButton pending={transfer.isPending} pendingLabel="Transferring…">
            Transfer ownership
          </SubmitButton>
        </div>
      </PostForm>
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
