'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { DialogOpenState } from '@/components/form-dialog';
import { EditDialog, useVersionedRecord, VersionedEditForm } from '@/components/versioned-edit';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { Deal } from '@/schemas/deals';
import { api } from '@/trpc/react';
import {
  applyDealErrors,
  dealForm,
  dealFormValues,
  type DealFormInput,
  type DealFormOutput,
} from './deal-form';
import { DealFormFields } from './deal-form-fields';
import { useRefreshDealLists } from './use-refresh-deal-lists';

/** Edits a deal's title, amount, close date, owner, company and people. */
export function DealEditDialog({ deal, ...dialog }: { deal: Deal } & DialogOpenState) {
  return (
    <EditDialog name={deal.title} {...dialog}>
      {(done) => <EditForm deal={deal} onDone={done} />}
    </EditDialog>
  );
}

function EditForm({ deal, onDone }: { deal: Deal; onDone: () => void }) {
  const utils = api.useUtils();
  const refreshDealLists = useRefreshDealLists();
  const form = useForm<DealFormInput, unknown, DealFormOutput>({
    resolver: zodResolver(dealForm),
    defaultValues: dealFormValues(deal),
  });
  const version = useVersionedRecord(deal, {
    fetchLatest: ({ id }) => utils.deals.get.fetch({ id }, { staleTime: 0 }),
    onReloaded: (fresh) => form.reset(dealFormValues(fresh)),
  });
  const { base } = version;

  const update = api.deals.update.useMutation({
    onSuccess: async (updated) => {
      toast.success(`${updated.title} was saved`);
      utils.deals.get.setData({ id: updated.id }, updated);
      onDone();
      await refreshDealLists();
    },
    onError: (error) => {
      if (version.caughtConflict(error) || applyDealErrors(error, form)) return;
      toast.error(describeError(error));
    },
  });

  return (
    <VersionedEditForm
      what="deal"
      version={version}
      pending={update.isPending}
      onSubmit={form.handleSubmit(({ stageId: _stage, ...values }) =>
        update.mutate({ id: base.id, expectedVersion: base.version, ...values }),
      )}
      onCancel={onDone}
    >
      <DealFormFields form={form} />
    </VersionedEditForm>
  );
}
