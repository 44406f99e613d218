'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { UserPlusIcon } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import type { z } from 'zod';
import { FormTextField } from '@/components/form-field';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { Button } from '@/components/ui/button';
import { inviteInput, type InviteInput } from '@/schemas/invitations';
import { ROLES } from '@/schemas/permissions';
import { api } from '@/trpc/react';
import { RoleSelectField } from './role-select-field';

const FIELDS = ['email', 'role'] as const;
const EMPTY: InviteInput = { email: '', role: 'member' };

/** "Invite member", or the button text given (e.g. in an empty list), opening the invitation form. */
export function InviteMemberDialog({
  canAssignOwner,
  label = 'Invite member',
  variant,
  size,
}: {
  canAssignOwner: boolean;
  label?: string;
  variant?: 'default' | 'outline';
  size?: 'sm';
}) {
  const [open, setOpen] = useState(false);
  const utils = api.useUtils();
  const form = useForm<InviteInput, unknown, z.output<typeof inviteInput>>({
    resolver: zodResolver(inviteInput),
    defaultValues: EMPTY,
  });
  const invite = api.invitations.create.useMutation({
    onSuccess: async (invitation) => {
      toast.success(`Invitation sent to ${invitation.email}`);
      form.reset(EMPTY);
      setOpen(false);
      await Promise.all([
        utils.invitations.list.invalidate(),
        utils.onboarding.progress.invalidate(),
      ]);
    },
    onError: fieldsOrToast(form.setError, FIELDS),
  });
  const roles = canAssignOwner ? ROLES : ROLES.filter((role) => role !== 'owner');

  return (
    <FormDialog
      trigger={
        <Button variant={variant} size={size}>
          <UserPlusIcon aria-hidden="true" />
          {label}
        </Button>
      }
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset(EMPTY);
      }}
      title="Invite a member"
      description="We e-mail them a link to join this organization with the role you choose."
    >
      <PostForm onSubmit={form.handleSubmit((values) => invite.mutate(values))}>
        <FormTextField form={form} name="email" label="Email" type="email" autoComplete="off" />
        <RoleSelectField control={form.control} name="role" id="invite-role" roles={roles} />
        <FormDialogActions
          pending={invite.isPending}
          submitLabel="Send invitation"
          pendingLabel="Sending…"
        />
      </PostForm>
    </FormDialog>
  );
}
