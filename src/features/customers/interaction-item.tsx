'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { PencilIcon, Trash2Icon } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { Button } from '@/components/ui/button';
import { formatDateTime, formatRelative } from '@/lib/format';
import { api, type RouterOutputs } from '@/trpc/react';
import {
  INTERACTION_FIELDS,
  INTERACTION_ICONS,
  INTERACTION_LABELS,
  InteractionFields,
  interactionForm,
  toLocalInput,
  type InteractionFormInput,
  type InteractionFormValues,
} from './interaction-form';

export type Interaction = RouterOutputs['interactions']['list']['items'][number];

/** One entry of the timeline; its author or a manager may change or delete it. */
export function InteractionItem({
  interaction,
  mayModify,
}: {
  interaction: Interaction;
  mayModify: boolean;
}) {
  const Icon = INTERACTION_ICONS[interaction.type];
  const label = INTERACTION_LABELS[interaction.type];

  return (
    <li className="flex gap-3 rounded-lg border bg-background p-4">
      <div
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground"
        aria-hidden="true"
      >
        <Icon className="size-4" />
      </div>
      <article className="grid min-w-0 flex-1 gap-1">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h3 className="font-medium break-words">
              <span className="sr-only">{label}: </span>
              {interaction.subject}
            </h3>
            <p className="text-xs text-muted-foreground">
              <span aria-hidden="true">{label} · </span>
              {interaction.authorName
                ? `by ${interaction.authorName} · `
                : interaction.authorId
                  ? 'by a former member · '
                  : 'by an API key · '}
              <time
                suppressHydrationWarning
                dateTime={interaction.occurredAt.toISOString()}
                title={formatDateTime(interaction.occurredAt)}
              >
                {formatRelative(interaction.occurredAt)}
              </time>
            </p>
          </div>
          {mayModify ? (
            <div className="flex gap-1">
              <EditInteractionDialog interaction={interaction} />
              <DeleteInteractionButton interaction={interaction} />
            </div>
          ) : null}
        </div>
        {interaction.content ? (
          <p className="text-sm break-words whitespace-pre-wrap">{interaction.content}</p>
        ) : null}
      </article>
    </li>
  );
}

function EditInteractionDialog({ interaction }: { interaction: Interaction }) {
  const [open, setOpen] = useState(false);
  return (
    <FormDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Edit ${interaction.subject}`}>
          <PencilIcon aria-hidden="true" />
          Edit
        </Button>
      }
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
  const utils = api.useUtils();
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
    onSuccess: async () => {
      toast.success('The timeline entry was saved');
      onDone();
      await Promise.all([
        utils.interactions.list.invalidate(
          interaction.customerId ? { customerId: interaction.customerId } : undefined,
        ),
        utils.companies.timeline.invalidate(),
        utils.audit.list.invalidate(),
      ]);
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
  const utils = api.useUtils();
  const label = INTERACTION_LABELS[interaction.type].toLowerCase();
  const remove = api.interactions.delete.useMutation({
    onSuccess: () => {
      toast.success(`The ${label} was deleted from the timeline`);
      void Promise.all([
        utils.interactions.list.invalidate(
          interaction.customerId ? { customerId: interaction.customerId } : undefined,
        ),
        utils.companies.timeline.invalidate(),
        utils.audit.list.invalidate(),
      ]);
    },
  });

  return (
    <ConfirmDestructiveDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Delete ${interaction.subject}`}>
          <Trash2Icon aria-hidden="true" />
          Delete
        </Button>
      }
      title={`Delete this ${label}?`}
      description={`“${interaction.subject}” is removed from the timeline for everyone. This cannot be undone.`}
      confirmLabel={`Delete ${label}`}
      pendingLabel="Deleting…"
      onConfirm={() => remove.mutateAsync({ id: interaction.id })}
    />
  );
}
