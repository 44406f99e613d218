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
import { Badge } from '@/components/ui/badge';
import { profileInput } from '@/schemas/account';
import { api } from '@/trpc/react';

const FIELDS = ['name'] as const;

export function ProfileSection() {
  const profile = api.account.profile.useQuery();
  return (
    <SettingsSection title="Profile" description="How your team sees you.">
      <QueryState
        query={profile}
        loading={{ label: 'Loading your profile', shape: 'fields' }}
        failure="Your profile could not be loaded."
      >
        {({ email, emailVerified, name }) => (
          <>
            <div className="grid gap-1 text-sm">
              <p className="font-medium">E-mail address</p>
              <p className="flex flex-wrap items-center gap-2">
                <span className="break-all">{email}</span>
                {emailVerified ? (
                  <Badge variant="secondary">Verified</Badge>
                ) : (
                  <Badge variant="outline">Not verified</Badge>
                )}
              </p>
            </div>
            <NameForm name={name} />
          </>
        )}
      </QueryState>
    </SettingsSection>
  );
}

function NameForm({ name }: { name: string }) {
  const router = useRouter();
  const utils = api.useUtils();
  const form = useForm({ resolver: zodResolver(profileInput), defaultValues: { name } });
  const update = api.account.updateProfile.useMutation({
    onSuccess: async (saved) => {
      toast.success('Your name was saved');
      form.reset({ name: saved.name });
      await Promise.all([utils.account.invalidate(), utils.auth.me.invalidate()]);
      router.refresh();
    },
    onError: fieldsOrToast(form.setError, FIELDS),
  });

  return (
    <PostForm onSubmit={form.handleSubmit((values) => update.mutate(values))}>
      <FormTextField form={form} name="name" label="Name" autoComplete="name" />
      <div>
        <SubmitButton pending={update.isPending} pendingLabel="Saving…">
          Save name
        </SubmitButton>
      </div>
    </PostForm>
  );
}
