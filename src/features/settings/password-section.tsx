'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { CurrentPasswordField, NewPasswordField } from '@/components/password-field';
import { PostForm } from '@/components/post-form';
import { SettingsSection } from '@/components/settings-section';
import { SubmitButton } from '@/components/submit-button';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { changePasswordInput, type ChangePasswordInput } from '@/schemas/account';
import { api } from '@/trpc/react';

const FIELDS = ['currentPassword', 'newPassword'] as const;
const EMPTY: ChangePasswordInput = {
  currentPassword: '',
  newPassword: '',
  signOutOtherSessions: true,
};

export function PasswordSection() {
  const utils = api.useUtils();
  const form = useForm({ resolver: zodResolver(changePasswordInput), defaultValues: EMPTY });
  const change = api.account.changePassword.useMutation({
    onSuccess: async ({ sessionsEnded }) => {
      toast.success('Password changed', {
        description:
          sessionsEnded > 0
            ? `${sessionsEnded} other ${sessionsEnded === 1 ? 'session' : 'sessions'} signed out`
            : undefined,
      });
      form.reset(EMPTY);
      await utils.account.invalidate();
    },
    onError: fieldsOrToast(form.setError, FIELDS),
  });

  return (
    <SettingsSection
      title="Password"
      description="You need your current password to set a new one."
    >
      <PostForm onSubmit={form.handleSubmit((values) => change.mutate(values))}>
        <CurrentPasswordField form={form} name="currentPassword" />
        <NewPasswordField form={form} name="newPassword" label="New password" />
        <div className="flex items-center gap-2">
          <Controller
            control={form.control}
            name="signOutOtherSessions"
            render={({ field }) => (
              <Checkbox
                id="password-sign-out-others"
                name={field.name}
                ref={field.ref}
                checked={field.value ?? true}
                onCheckedChange={(checked) => field.onChange(checked === true)}
                onBlur={field.onBlur}
              />
            )}
          />
          <Label htmlFor="password-sign-out-others">Sign out of my other sessions</Label>
        </div>
        <div>
          <SubmitButton pending={change.isPending} pendingLabel="Changing…">
            Change password
          </SubmitButton>
        </div>
      </PostForm>
    </SettingsSection>
  );
}
