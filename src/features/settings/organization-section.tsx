'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { FormTextField } from '@/components/form-field';
import { PostForm } from '@/components/post-form';
import { QueryState } from '@/components/query-state';
import { SettingsSection } from '@/components/settings-section';
import { SubmitButton } from '@/components/submit-button';
import { renameOrganizationInput } from '@/schemas/organizations';
import { api } from '@/trpc/react';

const FIELDS = ['name'] as const;

export function OrganizationSection() {
  const organization = api.organizations.current.useQuery();
  return (
    <SettingsSection title="Organization" description="What your team and customers see.">
      <QueryState
        query={organization}
        loading={{ label: 'Loading your organization', shape: 'fields' }}
        failure="Your organization could not be loaded."
      >
        {({ id, name, slug }) => (
          <>
            <div className="grid gap-1 text-sm">
              <p className="font-medium">Slug</p>
              <p>
                <code className="rounded bg-muted px-2 py-1 font-mono">{slug}</code>
              </p>
            </div>
            {/* Keyed by id, so switching organizations starts from the new name. */}
            <RenameForm key={id} name={name} />
          </>
        )}
      </QueryState>
    </SettingsSection>
  );
}

function RenameForm({ name }: { name: string }) {
  const router = useRouter();
  const utils = api.useUtils();
  const form = useForm({ resolver: zodResolver(renameOrganizationInput), defaultValues: { name } });
  const rename = api.organizations.rename.useMutation({
    onSuccess: async (renamed) => {
      toast.success(`The organization is now called ${renamed.name}`);
      form.reset({ name: renamed.name });
      await Promise.all([utils.organizations.invalidate(), utils.auth.me.invalidate()]);
      router.refresh();
    },
    onError: fieldsOrToast(form.setError, FIELDS),
  });

  return (
    <PostForm onSubmit={form.handleSubmit((values) => rename.mutate(values))}>
      <FormTextField
        form={form}
        name="name"
        label="Organization name"
        autoComplete="organization"
      />
      <div>
        <SubmitButton pending={rename.isPending} pendingLabel="Renaming…">
          Rename organization
        </SubmitButton>
      </div>
    </PostForm>
  );
}
