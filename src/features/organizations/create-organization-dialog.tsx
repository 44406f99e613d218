'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import type { z } from 'zod';
import { FormTextField } from '@/components/form-field';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { createOrganizationInput } from '@/schemas/organizations';
import { api } from '@/trpc/react';

type Values = z.input<typeof createOrganizationInput>;

export function CreateOrganizationDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const utils = api.useUtils();
  const form = useForm<Values>({
    resolver: zodResolver(createOrganizationInput),
    defaultValues: { name: '' },
  });
  const create = api.organizations.create.useMutation({
    onSuccess: async (organization) => {
      toast.success(`${organization.name} was created`);
      form.reset();
      onOpenChange(false);
      await utils.invalidate();
      router.push('/dashboard');
      router.refresh();
    },
    onError: fieldsOrToast(form.setError, ['name']),
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="New organization"
      description="You will be its owner and can invite people to it."
    >
      <PostForm onSubmit={form.handleSubmit((values) => create.mutate(values))}>
        <FormTextField form={form} name="name" label="Organization name" />
        <FormDialogActions
          pending={create.isPending}
          submitLabel="Create organization"
          pendingLabel="Creating…"
        />
      </PostForm>
    </FormDialog>
  );
}
