'use client';

import { toast } from '@/lib/toast';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import { api } from '@/trpc/react';
import { SettingsCard } from './settings-card';
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
    <SettingsCard
      title="Leave organization"
      description="You lose access to its customers and data. Someone has to invite you to come back."
    >
      <div>
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button type="button" variant="outline" disabled={leave.isPending}>
              {leave.isPending ? 'Leaving…' : 'Leave organization'}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>
                {name ? `Leave ${name}?` : 'Leave this organization?'}
              </AlertDialogTitle>
              <AlertDialogDescription>
                You lose access right away. Someone has to invite you to come back.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Stay</AlertDialogCancel>
              <AlertDialogAction variant="destructive" onClick={() => leave.mutate()}>
                Leave organization
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </div>
    </SettingsCard>
  );
}
