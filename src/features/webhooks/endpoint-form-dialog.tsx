'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useForm, type UseFormReturn } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import type { z } from 'zod';
import { FormTextField } from '@/components/form-field';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { webhookCreateInput, type WebhookEndpoint } from '@/schemas/webhooks';
import { api, type RouterOutputs } from '@/trpc/react';
import { EventTypesField } from './event-types-field';
import { SigningSecret } from './signing-secret';

type FormInput = z.input<typeof webhookCreateInput>;
type FormOutput = z.output<typeof webhookCreateInput>;
type Created = RouterOutputs['webhooks']['create'];

const FIELDS = ['url', 'description', 'eventTypes'] as const;
const EMPTY: FormInput = { url: '', description: '', eventTypes: [], enabled: true };

function valuesOf(endpoint: WebhookEndpoint | undefined): FormInput {
  if (!endpoint) return EMPTY;
  const { url, description, eventTypes, enabled } = endpoint;
  return { url, description, eventTypes, enabled };
}

/**
 * Adds an endpoint (then shows its secret once and opens it), or edits one when given.
 * Controlled by the caller so a menu or a button can open it.
 */
export function EndpointFormDialog({
  open,
  onOpenChange,
  endpoint,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  endpoint?: WebhookEndpoint;
}) {
  const router = useRouter();
  const utils = api.useUtils();
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(webhookCreateInput),
    values: valuesOf(endpoint),
  });
  const onError = fieldsOrToast(form.setError, FIELDS);
  const create = api.webhooks.create.useMutation({
    onSuccess: async (result) => {
      setCreated(result);
      toast.success('The endpoint was added');
      await utils.webhooks.list.invalidate();
    },
    onError,
  });
  const update = api.webhooks.update.useMutation({
    onSuccess: async (saved) => {
      toast.success('The endpoint was saved');
      utils.webhooks.get.setData({ id: saved.id }, saved);
      onOpenChange(false);
      await utils.webhooks.list.invalidate();
    },
    onError,
  });
  const pending = create.isPending || update.isPending;

  function save(values: FormOutput) {
    if (endpoint) {
      const { url, description, eventTypes } = values;
      update.mutate({ id: endpoint.id, url, description, eventTypes });
    } else {
      create.mutate(values);
    }
  }

  function close() {
    const opened = created?.endpoint.id;
    onOpenChange(false);
    setCreated(null);
    form.reset(valuesOf(endpoint));
    if (opened) router.push(`/webhooks/${opened}`);
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      className="sm:max-w-xl"
      // A stray click must not throw away a secret that cannot be shown again.
      keepOpenOnOutsideClick={created !== null || pending}
      title={created ? 'Copy the signing secret' : endpoint ? 'Edit endpoint' : 'Add endpoint'}
      description={
        created
          ? `Events are now sent to ${created.endpoint.url}.`
          : 'Each chosen event is POSTed to the URL as signed JSON; failed deliveries are retried for about a day.'
      }
      descriptionClassName={created ? 'break-all' : undefined}
    >
      {created ? (
        <SigningSecret secret={created.secret} onDone={close} />
      ) : (
        <PostForm onSubmit={form.handleSubmit(save)}>
          <EndpointFields form={form} />
          <FormDialogActions
            pending={pending}
            submitLabel={endpoint ? 'Save endpoint' : 'Add endpoint'}
            pendingLabel="Saving…"
          />
        </PostForm>
      )}
    </FormDialog>
  );
}

/** Where events go, what the endpoint is for, and which events it receives. */
function EndpointFields({ form }: { form: UseFormReturn<FormInput, unknown, FormOutput> }) {
  const { errors } = form.formState;
  return (
    <>
      <FormTextField
        form={form}
        name="url"
        label="URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://hooks.example.com/clientele"
      />
      <FormTextField
        form={form}
        name="description"
        label="Description (optional)"
        autoComplete="off"
        hint="What receives the events, for example “Billing sync”."
      />
      <Controller
        control={form.control}
        name="eventTypes"
        render={({ field }) => (
          <EventTypesField
            value={field.value}
            onChange={field.onChange}
            error={errors.eventTypes?.message}
          />
        )}
      />
    </>
  );
}
