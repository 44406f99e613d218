'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { PlusIcon } from 'lucide-react';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { PostForm } from '@/components/post-form';
import { api } from '@/trpc/react';
import {
  INTERACTION_FIELDS,
  INTERACTION_LABELS,
  InteractionFields,
  interactionForm,
  toLocalInput,
  type InteractionFormInput,
  type InteractionFormValues,
} from './interaction-form';

/** Records a note, call, e-mail or meeting on the customer's timeline. */
export function InteractionComposer({ customerId }: { customerId: string }) {
  const utils = api.useUtils();
  const form = useForm<InteractionFormInput, unknown, InteractionFormValues>({
    resolver: zodResolver(interactionForm),
    // "When" is filled in after mounting: the server does not know the browser's time zone.
    defaultValues: { type: 'note', subject: '', content: '', occurredAt: '' },
  });

  useEffect(() => {
    if (!form.getValues('occurredAt')) form.setValue('occurredAt', toLocalInput(new Date()));
  }, [form]);

  const create = api.interactions.create.useMutation({
    onSuccess: async (interaction) => {
      toast.success(`${INTERACTION_LABELS[interaction.type]} added to the timeline`);
      form.reset({
        type: interaction.type,
        subject: '',
        content: '',
        occurredAt: toLocalInput(new Date()),
      });
      await Promise.all([
        utils.interactions.list.invalidate({ customerId }),
        utils.audit.list.invalidate(),
      ]);
    },
    onError: fieldsOrToast(form.setError, INTERACTION_FIELDS),
  });

  return (
    <PostForm
      aria-label="New timeline entry"
      className="rounded-lg border bg-background p-4"
      onSubmit={form.handleSubmit((values) =>
        create.mutate({
          customerId,
          type: values.type,
          subject: values.subject,
          content: values.content,
          // Left as it was filled in, "When" means the moment it is saved.
          occurredAt: form.getFieldState('occurredAt').isDirty ? values.occurredAt : new Date(),
        }),
      )}
    >
      <InteractionFields form={form} layout="wide" />
      <div className="flex justify-end">
        <Button type="submit" disabled={create.isPending}>
          <PlusIcon aria-hidden="true" />
          {create.isPending ? 'Adding…' : 'Add to timeline'}
        </Button>
      </div>
    </PostForm>
  );
}
