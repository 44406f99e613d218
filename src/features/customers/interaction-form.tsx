'use client';

import {
  CalendarDaysIcon,
  MailIcon,
  PhoneIcon,
  StickyNoteIcon,
  type LucideIcon,
} from 'lucide-react';
import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { FormTextField } from '@/components/form-field';
import { FormSelectField } from '@/components/select-field';
import { SelectItem } from '@/components/ui/select';
import { FormMentionField } from '@/features/mentions/form-mention-field';
import {
  INTERACTION_TYPES,
  interactionCreateInput,
  interactionType,
  type InteractionType,
} from '@/schemas/interactions';

export const INTERACTION_LABELS: Record<InteractionType, string> = {
  note: 'Note',
  call: 'Call',
  email: 'E-mail',
  meeting: 'Meeting',
};

export const INTERACTION_ICONS: Record<InteractionType, LucideIcon> = {
  note: StickyNoteIcon,
  call: PhoneIcon,
  email: MailIcon,
  meeting: CalendarDaysIcon,
};

/** The interaction fields as a form holds them; "When" is the text of a datetime-local input. */
export const interactionForm = z.object({
  type: interactionType,
  subject: interactionCreateInput.shape.subject,
  content: interactionCreateInput.shape.content,
  occurredAt: z
    .string()
    .min(1, 'is required')
    .pipe(z.coerce.date({ error: 'must be a date and time' })),
});
export type InteractionFormInput = z.input<typeof interactionForm>;
export type InteractionFormValues = z.output<typeof interactionForm>;

export const INTERACTION_FIELDS = ['type', 'subject', 'content', 'occurredAt'] as const;

/** A date as the value of an <input type="datetime-local">, in the browser's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** Type, Subject, Details and When. */
export function InteractionFields({
  form,
  layout = 'stacked',
}: {
  form: UseFormReturn<InteractionFormInput, unknown, InteractionFormValues>;
  layout?: 'stacked' | 'wide';
}) {
  return (
    <>
      <div className={layout === 'wide' ? 'grid gap-4 sm:grid-cols-[12rem_1fr]' : 'grid gap-4'}>
        <FormSelectField control={form.control} name="type" label="Type" triggerClassName="w-full">
          {INTERACTION_TYPES.map((type) => (
            <SelectItem key={type} value={type}>
              {INTERACTION_LABELS[type]}
            </SelectItem>
          ))}
        </FormSelectField>
        <FormTextField form={form} name="subject" label="Subject" autoComplete="off" />
      </div>
      <FormMentionField control={form.control} name="content" label="Details" rows={4} />
      <FormTextField
        form={form}
        name="occurredAt"
        label="When"
        type="datetime-local"
        className="w-fit"
      />
    </>
  );
}
