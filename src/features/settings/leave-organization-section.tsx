'use client';

import { toast } from '@/lib/toast';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { SettingsSection } from '@/components/settings-section';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import { api } from '@/trpc/react';
import { useLeavePage } from './use-leave-page';

export function LeaveOrganizationSection() {
  const leavePage = useLeavePage();
  const organization = api.organizations.current.useQuery();
  const name = organization.data?.name;
  const leave = api.members.leave.useMutation({
    onSuccess: async () => {
      toast.success(name ? `You left ${name}` : 'You left the organization');
      await leavePage('/customers');
    },
    onError: (error) => toast.error(describeError(error)),
  });

  return (
    <SettingsSection
      title="Leave organization"
      description="You lose access to its customers and data. Someone has to invite you to come back."
    >
      <div>
        <ConfirmDestructiveDialog
          trigger={
            <Button type="button" variant="outline" disabled={leave.isPending}>
              {leave.isPending ? 'Leaving…' : 'Leave organization'}
            </Button>
          }
          title={name ? `Leave ${name}?` : 'Leave this organization?'}
          description="You lose access right away. Someone has to invite you to come back."
          cancelLabel="Stay"
          confirmLabel="Leave organization"
          onConfirm={() => leave.mutate()}
        />
      </div>
    </SettingsSection>
  );
}
