'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { PencilIcon, Trash2Icon, type LucideIcon } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { Button } from '@/components/ui/button';
import { api, type RouterOutputs } from '@/trpc/react';
import {
  INTERACTION_FIELDS,
  INTERACTION_LABELS,
  InteractionFields,
  interactionForm,
  toLocalInput,
  type InteractionFormInput,
  type InteractionFormValues,
} from './interaction-form';
import { InteractionEntry } from './interaction-entry';

/** What the timeline knows of an interaction: enough to show, change or delete it. */
export type Interaction = Pick<
  RouterOutputs['interactions']['list']['items'][number],
  | 'id'
  | 'type'
  | 'subject'
  | 'content'
  | 'occurredAt'
  | 'authorId'
  | 'authorName'
  | 'customerId'
  | 'dealId'
>;

function authorLine(interaction: Interaction): string {
  if (interaction.authorName) return `by ${interaction.authorName} · `;
  return interaction.authorId ? 'by a former member · ' : 'by an API key · ';
}

/**
 * One entry of the timeline; its author or a manager may change or delete it. `context` says
 * whom it is with or what it is about ("with Ada Lovelace", "about the company") on timelines
 * that show several people's entries.
 */
export function InteractionItem({
  interaction,
  mayModify,
  context,
}: {
  interaction: Interaction;
  mayModify: boolean;
  context?: React.ReactNode;
}) {
  return (
    <InteractionEntry
      interaction={interaction}
      byline={
        <>
          {context ? <>{context} · </> : null}
          {authorLine(interaction)}
        </>
      }
      actions={
        mayModify ? (
          <div className="flex gap-1">
            <EditInteractionDialog interaction={interaction} />
            <DeleteInteractionButton interaction={interaction} />
          </div>
        ) : null
      }
    />
  );
}

function EditInteractionDialog({ interaction }: { interaction: Interaction }) {
  const [open, setOpen] = useState(false);
  return (
    <FormDialog
      trigger={<EntryButton icon={PencilIcon} verb="Edit" subject={interaction.subject} />}
      open={open}
      onOpenChange={setOpen}
      title={`Edit ${INTERACTION_LABELS[interaction.type].toLowerCase()}`}
      description="The change is recorded in the audit trail."
    >
      <EditInteractionForm interaction={interaction} onDone={() => setOpen(false)} />
    </FormDialog>
  );
}

function EditInteractionForm({
  interaction,
  onDone,
}: {
  interaction: Interaction;
  onDone: () => void;
}) {
  const form = useForm<InteractionFormInput, unknown, InteractionFormValues>({
    resolver: zodResolver(interactionForm),
    defaultValues: {
      type: interaction.type,
      subject: interaction.subject,
      content: interaction.content,
      occurredAt: toLocalInput(interaction.occurredAt),
    },
  });
  const update = api.interactions.update.useMutation({
    onSuccess: () => {
      toast.success('The timeline entry was saved');
      onDone();
    },
    onError: fieldsOrToast(form.setError, INTERACTION_FIELDS),
  });

  return (
    <PostForm
      onSubmit={form.handleSubmit((values) =>
        update.mutate({
          id: interaction.id,
          type: values.type,
          subject: values.subject,
          content: values.content,
          // Unchanged, the minute-precise input would drop the original seconds.
          ...(form.getFieldState('occurredAt').isDirty ? { occurredAt: values.occurredAt } : {}),
        }),
      )}
    >
      <InteractionFields form={form} />
      <FormDialogActions
        pending={update.isPending}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </PostForm>
  );
}

function DeleteInteractionButton({ interaction }: { interaction: Interaction }) {
  const label = INTERACTION_LABELS[interaction.type].toLowerCase();
  const remove = api.interactions.delete.useMutation({
    onSuccess: () => {
      toast.success(`The ${label} was deleted from the timeline`);
    },
  });

  return (
    <ConfirmDestructiveDialog
      trigger={<EntryButton icon={Trash2Icon} verb="Delete" subject={interaction.subject} />}
      title={`Delete this ${label}?`}
      description={`“${interaction.subject}” is removed from the timeline for everyone. This cannot be undone.`}
      confirmLabel={`Delete ${label}`}
      pendingLabel="Deleting…"
      onConfirm={() => remove.mutateAsync({ id: interaction.id })}
    />
  );
}

/** A small button beside an entry, named after it for screen readers: "Edit Call with Ada". */
function EntryButton({
  icon: Icon,
  verb,
  subject,
  ...props
}: React.ComponentProps<typeof Button> & { icon: LucideIcon; verb: string; subject: string }) {
  return (
    <Button variant="ghost" size="sm" aria-label={`${verb} ${subject}`} {...props}>
      <Icon aria-hidden="true" />
      {verb}
    </Button>
  );
}
