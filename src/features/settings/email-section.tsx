'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormTextField } from '@/components/form-field';
import { CurrentPasswordField } from '@/components/password-field';
import { PostForm } from '@/components/post-form';
import { SettingsSection } from '@/components/settings-section';
import { SubmitButton } from '@/components/submit-button';
import { fieldsOrToast } from '@/lib/form-errors';
import { emailChangeInput } from '@/schemas/account';
import { api } from '@/trpc/react';

const FIELDS = ['newEmail', 'password'] as const;
const EMPTY = { newEmail: '', password: '' };

export function EmailSection() {
  const utils = api.useUtils();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(emailChangeInput), defaultValues: EMPTY });
  const request = api.account.requestEmailChange.useMutation({
    onSuccess: async (_result, input) => {
      setSentTo(input.newEmail);
      form.reset(EMPTY);
      await utils.account.securityActivity.invalidate();
    },
    onError: fieldsOrToast(form.setError, FIELDS),
  });

  return (
    <SettingsSection
      title="E-mail address"
      description="We send a confirmation link to the new address before we use it."
    >
      <div role="status">
        {sentTo ? (
          <p className="rounded-md border bg-muted/50 p-3 text-sm">
            We sent a link to <strong className="break-all">{sentTo}</strong>. Your address changes
            when you follow it.
          </p>
        ) : null}
      </div>
      <PostForm
        onSubmit={form.handleSubmit((values) => {
          setSentTo(null);
          request.mutate(values);
        })}
      >
        <FormTextField
          form={form}
          name="newEmail"
          label="New e-mail address"
          type="email"
          autoComplete="email"
        />
        <CurrentPasswordField form={form} name="password" />
        <div>
          <SubmitButton pending={request.isPending} pendingLabel="Sending…">
            Send confirmation link
          </SubmitButton>
        </div>
      </PostForm>
    </SettingsSection>
  );
}
