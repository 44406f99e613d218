'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { PlusIcon } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import type { z } from 'zod';
import { FormTextField } from '@/components/form-field';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { ShownOnce } from '@/components/shown-once';
import { Button } from '@/components/ui/button';
import { roleLabel } from '@/features/team/role-labels';
import { RoleSelectField } from '@/features/team/role-select-field';
import { createApiKeyInput, type CreateApiKeyInput } from '@/schemas/api-keys';
import { API_KEY_ROLES } from '@/schemas/permissions';
import { api, type RouterOutputs } from '@/trpc/react';

type CreatedKey = RouterOutputs['apiKeys']['create'];

const FIELDS = ['name', 'role', 'expiresAt'] as const;
const EMPTY: CreateApiKeyInput = { name: '', role: 'member', expiresAt: null };

/** A date input's "YYYY-MM-DD" as the last moment of that day here, or null when empty. */
function endOfDay(value: unknown): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year!, month! - 1, day!, 23, 59, 59, 999);
}

function todayValue(): string {
  const today = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

/** "Create API key", or the button text given (e.g. in the empty list), opening the key form. */
export function CreateApiKeyDialog({
  label = 'Create API key',
  variant,
  size,
  initiallyOpen = false,
}: {
  label?: string;
  variant?: 'default' | 'outline';
  size?: 'sm';
  /** Open from the start, as a link asked (`?new=key`). */
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const [created, setCreated] = useState<CreatedKey | null>(null);

  function handleOpenChange(next: boolean) {
    setOpen(next);
    // The key is shown once: forget it as soon as the dialog closes.
    if (!next) setCreated(null);
  }

  return (
    <FormDialog
      trigger={
        <Button variant={variant} size={size}>
          <PlusIcon aria-hidden="true" />
          {label}
        </Button>
      }
      open={open}
      onOpenChange={handleOpenChange}
      title={created ? 'Copy your new key' : 'Create API key'}
      description={
        created
          ? `${created.name} acts as ${roleLabel(created.role).toLowerCase()}.`
          : 'The key acts with the role you give it, whoever holds it.'
      }
      keepOpenOnOutsideClick={created !== null}
    >
      {created ? (
        <NewKey created={created} onDone={() => handleOpenChange(false)} />
      ) : (
        <CreateApiKeyForm onCreated={setCreated} />
      )}
    </FormDialog>
  );
}

function CreateApiKeyForm({ onCreated }: { onCreated: (key: CreatedKey) => void }) {
  const [minDate] = useState(todayValue);
  const utils = api.useUtils();
  const form = useForm<CreateApiKeyInput, unknown, z.output<typeof createApiKeyInput>>({
    resolver: zodResolver(createApiKeyInput),
    defaultValues: EMPTY,
  });
  const create = api.apiKeys.create.useMutation({
    onSuccess: async (key) => {
      onCreated(key);
      toast.success(`API key ${key.name} was created`);
      await Promise.all([utils.apiKeys.list.invalidate(), utils.onboarding.progress.invalidate()]);
    },
    onError: fieldsOrToast(form.setError, FIELDS),
  });

  return (
    <PostForm onSubmit={form.handleSubmit((values) => create.mutate(values))}>
      <FormTextField
        form={form}
        name="name"
        label="Name"
        autoComplete="off"
        hint="What uses the key, for example “Billing sync”."
      />
      <RoleSelectField control={form.control} name="role" id="api-key-role" roles={API_KEY_ROLES} />
      <FormTextField
        form={form}
        name="expiresAt"
        options={{ setValueAs: endOfDay }}
        label="Expires (optional)"
        type="date"
        min={minDate}
        hint="The key stops working at the end of this day. Leave empty to keep it until revoked."
      />
      <FormDialogActions
        pending={create.isPending}
        submitLabel="Create key"
        pendingLabel="Creating…"
      />
    </PostForm>
  );
}

function NewKey({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const example = `curl -H "Authorization: Bearer ${created.key}" ${window.location.origin}/api/v1/customers`;
  return (
    <ShownOnce
      values={[{ id: 'new-api-key', label: 'API key', copyLabel: 'Copy key', value: created.key }]}
      warning="This is the only time the key is shown. Store it in a secret manager."
      onDone={onDone}
    >
      <div className="grid gap-2">
        <p className="text-sm font-medium">Try it</p>
        <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs">
          <code>{example}</code>
        </pre>
      </div>
    </ShownOnce>
  );
}
