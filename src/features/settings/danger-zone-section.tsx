'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { z } from 'zod';
import { FormTextField } from '@/components/form-field';
import { CurrentPasswordField } from '@/components/password-field';
import { PostForm } from '@/components/post-form';
import { QueryState } from '@/components/query-state';
import { SettingsSection } from '@/components/settings-section';
import { SubmitButton } from '@/components/submit-button';
import { applyServerErrors, describeError } from '@/lib/server-errors';
import { reauthenticationInput } from '@/schemas/account';
import { deleteOrganizationInput } from '@/schemas/organizations';
import { api } from '@/trpc/react';
import { useLeavePage } from './use-leave-page';

/** The two server inputs in one form: the password re-authenticates, the slug confirms. */
const deleteForm = z.strictObject({
  ...reauthenticationInput.shape,
  ...deleteOrganizationInput.shape,
});

export function DangerZoneSection() {
  const organization = api.organizations.current.useQuery();
  return (
    <SettingsSection
      title="Delete organization"
      destructive
      description="Deletes the organization with all its customers and data, for every member. This cannot be undone."
    >
      <QueryState
        query={organization}
        loading={{ label: 'Loading your organization', shape: 'fields' }}
        failure="Your organization could not be loaded."
      >
        {({ id, name, slug }) => <DeleteForm key={id} name={name} slug={slug} />}
      </QueryState>
    </SettingsSection>
  );
}

function DeleteForm({ name, slug }: { name: string; slug: string }) {
  const leavePage = useLeavePage();
  const form = useForm({
    resolver: zodResolver(deleteForm),
    defaultValues: { password: '', slug: '' },
  });
  const reauthenticate = api.account.reauthenticate.useMutation();
  const remove = api.organizations.delete.useMutation();
  const pending = reauthenticate.isPending || remove.isPending;

  const onSubmit = form.handleSubmit(async (values) => {
    if (values.slug !== slug) {
      form.setError('slug', { type: 'validate', message: 'does not match this organization' });
      return;
    }
    try {
      await reauthenticate.mutateAsync({ password: values.password });
    } catch (error) {
      if (!applyServerErrors(error, form.setError, ['password'])) toast.error(describeError(error));
      return;
    }
    try {
      await remove.mutateAsync({ slug: values.slug });
    } catch (error) {
      if (!applyServerErrors(error, form.setError, ['slug'])) toast.error(describeError(error));
      return;
    }
    toast.success(`${name} was deleted`);
    await leavePage('/customers');
  });

  return (
    <PostForm onSubmit={onSubmit}>
      <p className="text-sm">
        To confirm, type <code className="rounded bg-muted px-1.5 py-0.5 font-mono">{slug}</code>{' '}
        below and enter your current password.
      </p>
      <CurrentPasswordField form={form} name="password" />
      <FormTextField
        form={form}
        name="slug"
        label="Organization slug"
        autoComplete="off"
        spellCheck={false}
        hint="Type the organization slug to confirm."
      />
      <div>
        <SubmitButton variant="destructive" pending={pending} pendingLabel="Deleting…">
          Delete organization
        </SubmitButton>
      </div>
    </PostForm>
  );
}
