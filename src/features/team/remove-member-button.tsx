'use client';

import { useState } from 'react';
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

export function RemoveMemberButton({ member }: { member: { userId: string; name: string } }) {
  const [open, setOpen] = useState(false);
  const utils = api.useUtils();
  const remove = api.members.remove.useMutation({
    onSuccess: async () => {
      toast.success(`${member.name} was removed`);
      setOpen(false);
      await utils.members.list.invalidate();
    },
    onError: (error) => toast.error(describeError(error)),
  });

  return (
    <AlertDialog open={open} onOpenChange={(next) => !remove.isPending && setOpen(next)}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Remove ${member.name}`}>
          Remove
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Remove {member.name}?</AlertDialogTitle>
          <AlertDialogDescription>
            {member.name} loses access to this organization.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={remove.isPending}>Cancel</AlertDialogCancel>
          <AlertDialogAction
            variant="destructive"
            disabled={remove.isPending}
            onClick={(event) => {
              // Stay open until the removal is done, so a failure is seen where it happened.
              event.preventDefault();
              remove.mutate({ userId: member.userId });
            }}
          >
            {remove.isPending ? 'Removing…' : 'Remove member'}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
