'use client';

import { PlusIcon } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { Button } from '@/components/ui/button';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { api, type RouterOutputs } from '@/trpc/react';
import { APP_FIELDS, AppFields, checkedApp, EMPTY_APP, type AppFormValues } from './app-form';
import { NewAppCredentials } from './new-secret';

type Registered = RouterOutputs['apps']['create'];

export function RegisterAppDialog({ initiallyOpen = false }: { initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const [registered, setRegistered] = useState<Registered | null>(null);

  function handleOpenChange(next: boolean) {
    setOpen(next);
    // The secret is shown once: forget it as soon as the dialog closes.
    if (!next) setRegistered(null);
  }

  return (
    <FormDialog
      trigger={
        <Button>
          <PlusIcon aria-hidden="true" />
          Register app
        </Button>
      }
      open={open}
      onOpenChange={handleOpenChange}
      title={registered ? `${registered.app.name} is registered` : 'Register app'}
      description={
        registered
          ? 'Give these to the app’s developers.'
          : 'An app signs in with OAuth 2.1 and may do only what you allow here.'
      }
      keepOpenOnOutsideClick={registered !== null}
    >
      {registered ? (
        <NewAppCredentials
          clientId={registered.app.clientId}
          clientSecret={registered.clientSecret}
          onDone={() => handleOpenChange(false)}
        />
      ) : (
        <RegisterAppForm onRegistered={setRegistered} />
      )}
    </FormDialog>
  );
}

function RegisterAppForm({ onRegistered }: { onRegistered: (app: Registered) => void }) {
  const utils = api.useUtils();
  const form = useForm<AppFormValues>({ defaultValues: EMPTY_APP });
  const create = api.apps.create.useMutation({
    onSuccess: async (result) => {
      onRegistered(result);
      toast.success(`App ${result.app.name} was registered`);
      await utils.apps.list.invalidate();
    },
    onError: fieldsOrToast(form.setError, APP_FIELDS),
  });

  function submit(values: AppFormValues) {
    const app = checkedApp(form, values);
    if (app) create.mutate(app);
  }

  return (
    <PostForm onSubmit={form.handleSubmit(submit)}>
      <AppFields form={form} />
      <FormDialogActions
        pending={create.isPending}
        submitLabel="Register app"
        pendingLabel="Registering…"
      />
    </PostForm>
  );
}
