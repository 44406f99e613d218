'use client';

import { toast } from '@/lib/toast';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { Button } from '@/components/ui/button';
import { api } from '@/trpc/react';

export function RemoveMemberButton({ member }: { member: { userId: string; name: string } }) {
  const utils = api.useUtils();
  const remove = api.members.remove.useMutation({
    onSuccess: () => {
      toast.success(`${member.name} was removed`);
      void utils.members.list.invalidate();
    },
  });

  return (
    <ConfirmDestructiveDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Remove ${member.name}`}>
          Remove
        </Button>
      }
      title={`Remove ${member.name}?`}
      description={`${member.name} loses access to this organization.`}
      confirmLabel="Remove member"
      pendingLabel="Removing…"
      onConfirm={() => remove.mutateAsync({ userId: member.userId })}
    />
  );
}
