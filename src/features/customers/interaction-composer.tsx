'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { PlusIcon } from 'lucide-react';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { PostForm } from '@/components/post-form';
import type { InteractionType } from '@/schemas/interactions';
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

/** What a new entry is about: a customer, a company as a whole, or a deal. */
export type InteractionAbout = { customerId: string } | { companyId: string } | { dealId: string };

/** Records a note, call, e-mail or meeting on the timeline of a customer, a company or a deal. */
export function InteractionComposer({ about }: { about: InteractionAbout }) {
  const form = useForm<InteractionFormInput, unknown, InteractionFormValues>({
    resolver: zodResolver(interactionForm),
    // "When" is filled in after mounting: the server does not know the browser's time zone.
    defaultValues: { type: 'note', subject: '', content: '', occurredAt: '' },
  });

  useEffect(() => {
    if (!form.getValues('occurredAt')) form.setValue('occurredAt', toLocalInput(new Date()));
  }, [form]);

  const handlers = {
    onSuccess: (interaction: { type: InteractionType }) => {
      toast.success(`${INTERACTION_LABELS[interaction.type]} added to the timeline`);
      form.reset({
        type: interaction.type,
        subject: '',
        content: '',
        occurredAt: toLocalInput(new Date()),
      });
    },
    onError: fieldsOrToast(form.setError, INTERACTION_FIELDS),
  };
  const forCustomer = api.interactions.create.useMutation(handlers);
  const forCompany = api.interactions.createForCompany.useMutation(handlers);
  const forDeal = api.interactions.createForDeal.useMutation(handlers);
  const pending = forCustomer.isPending || forCompany.isPending || forDeal.isPending;

  return (
    <PostForm
      aria-label="New timeline entry"
      className="rounded-lg border bg-background p-4"
      onSubmit={form.handleSubmit((values) => {
        const entry = {
          type: values.type,
          subject: values.subject,
          content: values.content,
          // Left as it was filled in, "When" means the moment it is saved.
          occurredAt: form.getFieldState('occurredAt').isDirty ? values.occurredAt : new Date(),
        };
        if ('customerId' in about) forCustomer.mutate({ ...entry, customerId: about.customerId });
        else if ('companyId' in about) forCompany.mutate({ ...entry, companyId: about.companyId });
        else forDeal.mutate({ ...entry, dealId: about.dealId });
      })}
    >
      <InteractionFields form={form} layout="wide" />
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          <PlusIcon aria-hidden="true" />
          {pending ? 'Adding…' : 'Add to timeline'}
        </Button>
      </div>
    </PostForm>
  );
}
