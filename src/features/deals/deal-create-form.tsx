'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { FormDialog, FormDialogActions, type DialogOpenState } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { Pipeline } from '@/schemas/pipelines';
import { api } from '@/trpc/react';
import {
  applyDealErrors,
  dealForm,
  EMPTY_DEAL,
  type DealFormInput,
  type DealFormOutput,
} from './deal-form';
import { DealFormFields } from './deal-form-fields';
import { useRefreshDealLists } from './use-refresh-deal-lists';

function DealCreateForm({
  pipeline,
  companyId,
  customerId,
  onDone,
}: {
  pipeline: Pipeline;
  companyId: string | null;
  customerId: string | null;
  onDone: () => void;
}) {
  const refreshDealLists = useRefreshDealLists();
  const stages = [...pipeline.stages].sort((a, b) => a.position - b.position);
  const form = useForm<DealFormInput, unknown, DealFormOutput>({
    resolver: zodResolver(dealForm),
    defaultValues: {
      ...EMPTY_DEAL,
      companyId,
      customerIds: customerId ? [customerId] : [],
      stageId: stages.find((stage) => stage.kind === 'open')?.id ?? '',
    },
  });
  const create = api.deals.create.useMutation({
    onSuccess: async (deal) => {
      toast.success(`${deal.title} was added`);
      onDone();
      await refreshDealLists();
    },
    onError: (error) => {
      if (!applyDealErrors(error, form)) toast.error(describeError(error));
    },
  });

  return (
    <PostForm
      onSubmit={form.handleSubmit((values) =>
        create.mutate({ ...values, pipelineId: pipeline.id }),
      )}
    >
      <DealFormFields form={form} stages={stages} />
      <FormDialogActions
        pending={create.isPending}
        submitLabel="Create deal"
        pendingLabel="Creating…"
        onCancel={onDone}
      />
    </PostForm>
  );
}

export function DealCreateFormDialog({
  pipeline,
  companyId = null,
  customerId = null,
  ...dialog
}: DialogOpenState & {
  pipeline: Pipeline;
  /** The company the new deal starts linked to. */
  companyId?: string | null;
  /** The person the new deal starts with. */
  customerId?: string | null;
}) {
  return (
    <FormDialog
      {...dialog}
      title="New deal"
      description={`A deal in the ${pipeline.name} pipeline. Only the title is required.`}
    >
      <DealCreateForm
        pipeline={pipeline}
        companyId={companyId}
        customerId={customerId}
        onDone={() => dialog.onOpenChange(false)}
      />
    </FormDialog>
  );
}
