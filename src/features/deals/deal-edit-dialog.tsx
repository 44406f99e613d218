'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { RefreshCwIcon, TriangleAlertIcon } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describeError, isStaleVersion } from '@/lib/server-errors';
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

/**
 * Edits a deal's title, amount, close date, owner, company and people. The update carries the version that was
 * read, so a change someone else saved meanwhile is never silently overwritten.
 */
export function DealEditDialog({
  deal,
  open,
  onOpenChange,
}: {
  deal: Deal;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Edit ${deal.title}`}
      description="Changes are saved for everyone in your organization and recorded in the audit trail."
    >
      {/* Mounted only while open, so each opening starts from the deal as it is now. */}
      <EditForm deal={deal} onDone={() => onOpenChange(false)} />
    </FormDialog>
  );
}

function EditForm({ deal, onDone }: { deal: Deal; onDone: () => void }) {
  const utils = api.useUtils();
  const [base, setBase] = useState(deal);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const form = useForm<DealFormInput, unknown, DealFormOutput>({
    resolver: zodResolver(dealForm),
    defaultValues: dealFormValues(deal),
  });

  const update = api.deals.update.useMutation({
    onSuccess: async (updated) => {
      toast.success(`${updated.title} was saved`);
      utils.deals.get.setData({ id: updated.id }, updated);
      onDone();
      await Promise.all([
        utils.deals.board.invalidate(),
        utils.deals.list.invalidate(),
        utils.dashboard.invalidate(),
      ]);
    },
    onError: (error) => {
      if (isStaleVersion(error)) setConflict(true);
      else if (!applyDealErrors(error, form)) toast.error(describeError(error));
    },
  });

  async function reload() {
    setReloading(true);
    try {
      const fresh = await utils.deals.get.fetch({ id: base.id }, { staleTime: 0 });
      setBase(fresh);
      form.reset(dealFormValues(fresh));
      setConflict(false);
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setReloading(false);
    }
  }

  return (
    <PostForm
      onSubmit={form.handleSubmit(({ stageId: _stage, ...values }) =>
        update.mutate({ id: base.id, expectedVersion: base.version, ...values }),
      )}
    >
      {conflict ? (
        <Alert variant="destructive">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>Someone else changed this deal meanwhile</AlertTitle>
          <AlertDescription>
            <p>
              Your changes were not saved. Reload to see the latest version, then make your changes
              again.
            </p>
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() => void reload()}
              disabled={reloading}
            >
              <RefreshCwIcon aria-hidden="true" />
              {reloading ? 'Reloading…' : 'Reload'}
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}
      <DealFormFields form={form} />
      <FormDialogActions
        pending={update.isPending}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        submitDisabled={conflict}
        onCancel={onDone}
      />
    </PostForm>
  );
}
