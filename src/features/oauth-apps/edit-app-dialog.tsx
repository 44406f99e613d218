'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { Button } from '@/components/ui/button';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import type { OAuthAppView } from '@/schemas/oauth-apps';
import { api } from '@/trpc/react';
import { APP_FIELDS, AppFields, appFormValues, checkedApp, type AppFormValues } from './app-form';

/** Changes a registered app: its name, logo, redirect URIs, permissions or role. */
export function EditAppDialog({ app }: { app: OAuthAppView }) {
  const [open, setOpen] = useState(false);
  return (
    <FormDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Edit ${app.name}`}>
          Edit
        </Button>
      }
      open={open}
      onOpenChange={setOpen}
      title={`Edit ${app.name}`}
      description="Changes apply from the app’s next request, to the tokens it already holds too."
    >
      {open ? <EditAppForm app={app} onSaved={() => setOpen(false)} /> : null}
    </FormDialog>
  );
}

function EditAppForm({ app, onSaved }: { app: OAuthAppView; onSaved: () => void }) {
  const utils = api.useUtils();
  const form = useForm<AppFormValues>({ defaultValues: appFormValues(app) });
  const update = api.apps.update.useMutation({
    onSuccess: async (saved) => {
      toast.success(`App ${saved.name} was saved`);
      onSaved();
      await Promise.all([utils.apps.list.invalidate(), utils.apps.grants.invalidate()]);
    },
    onError: fieldsOrToast(form.setError, APP_FIELDS),
  });

  function submit(values: AppFormValues) {
    const checked = checkedApp(form, values);
    if (!checked) return;
    const { name, redirectUris, scopes, role, logoUrl } = checked;
    update.mutate({
      id: app.id,
      name,
      scopes,
      logoUrl: logoUrl ?? null,
      ...(app.kind === 'authorization_code' ? { redirectUris } : { role }),
    });
  }

  return (
    <PostForm onSubmit={form.handleSubmit(submit)}>
      <AppFields form={form} registered />
      <FormDialogActions
        pending={update.isPending}
        submitLabel="Save changes"
        pendingLabel="Saving…"
      />
    </PostForm>
  );
}
