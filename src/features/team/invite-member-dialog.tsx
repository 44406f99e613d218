'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { UserPlusIcon } from 'lucide-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { toast } from '@/lib/toast';
import type { z } from 'zod';
import { TextField } from '@/components/form-field';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectTrigger, SelectValue } from '@/components/ui/select';
import { applyServerErrors, describeError } from '@/lib/server-errors';
import { inviteInput, type InviteInput } from '@/schemas/invitations';
import { ROLES } from '@/schemas/permissions';
import { api } from '@/trpc/react';
import { roleDescription, roleLabel } from './role-labels';
import { RoleSelectItems } from './role-select-items';

const FIELDS = ['email', 'role'] as const;
const EMPTY: InviteInput = { email: '', role: 'member' };

export function InviteMemberDialog({ canAssignOwner }: { canAssignOwner: boolean }) {
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
      await utils.invitations.list.invalidate();
    },
    onError: (error) => {
      if (!applyServerErrors(error, form.setError, FIELDS)) toast.error(describeError(error));
    },
  });
  const { errors } = form.formState;
  const roles = canAssignOwner ? ROLES : ROLES.filter((role) => role !== 'owner');

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset(EMPTY);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlusIcon aria-hidden="true" />
          Invite member
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Invite a member</DialogTitle>
          <DialogDescription>
            We e-mail them a link to join this organization with the role you choose.
          </DialogDescription>
        </DialogHeader>
        <form
          method="post"
          noValidate
          className="grid gap-4"
          onSubmit={form.handleSubmit((values) => invite.mutate(values))}
        >
          <TextField
            label="Email"
            type="email"
            autoComplete="off"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <div className="grid gap-2">
            <Label htmlFor="invite-role">Role</Label>
            <Controller
              control={form.control}
              name="role"
              render={({ field }) => {
                const role = field.value ?? 'member';
                return (
                  <>
                    <Select value={role} onValueChange={field.onChange} name={field.name}>
                      <SelectTrigger
                        id="invite-role"
                        aria-invalid={errors.role ? true : undefined}
                        aria-describedby={errors.role ? 'invite-role-error' : 'invite-role-hint'}
                      >
                        <SelectValue>{roleLabel(role)}</SelectValue>
                      </SelectTrigger>
                      <SelectContent>
                        <RoleSelectItems roles={roles} />
                      </SelectContent>
                    </Select>
                    {errors.role ? (
                      <p id="invite-role-error" role="alert" className="text-sm text-destructive">
                        {errors.role.message}
                      </p>
                    ) : (
                      <p id="invite-role-hint" className="text-xs text-muted-foreground">
                        {roleDescription(role)}
                      </p>
                    )}
                  </>
                );
              }}
            />
          </div>
          <DialogFooter>
            <Button type="submit" disabled={invite.isPending}>
              {invite.isPending ? 'Sending…' : 'Send invitation'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
