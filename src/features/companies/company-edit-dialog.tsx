'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { RefreshCwIcon, TriangleAlertIcon } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { applyServerErrors, describeError, isStaleVersion } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { Company } from '@/schemas/companies';
import { api } from '@/trpc/react';
import {
  COMPANY_FORM_FIELDS,
  companyForm,
  companyFormValues,
  companyUpdate,
  type CompanyFormInput,
  type CompanyFormValues,
} from './company-form';
import { CompanyFormFields } from './company-form-fields';

/**
 * Edits a company. The update carries the version that was read, so a change someone else
 * saved meanwhile is never silently overwritten.
 */
export function CompanyEditDialog({
  company,
  open,
  onOpenChange,
  finalFocus,
}: {
  company: Company;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  finalFocus?: React.RefObject<HTMLElement | null>;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      className="sm:max-w-xl"
      finalFocus={finalFocus}
      title={`Edit ${company.name}`}
      description="Changes are saved for everyone in your organization and recorded in the audit trail."
    >
      {/* Mounted only while open, so each opening starts from the company as it is now. */}
      <EditForm company={company} onDone={() => onOpenChange(false)} />
    </FormDialog>
  );
}

function EditForm({ company, onDone }: { company: Company; onDone: () => void }) {
  const utils = api.useUtils();
  const [base, setBase] = useState(company);
  const [conflict, setConflict] = useState(false);
  const form = useForm<CompanyFormInput, unknown, CompanyFormValues>({
    resolver: zodResolver(companyForm),
    defaultValues: companyFormValues(company),
  });

  const update = api.companies.update.useMutation({
    onSuccess: async (updated) => {
      toast.success(`${updated.name} was saved`);
      utils.companies.get.setData({ id: updated.id }, updated);
      onDone();
      // A new name is written into the company's people too.
      await Promise.all([utils.companies.invalidate(), utils.customers.invalidate()]);
    },
    onError: (error) => {
      if (isStaleVersion(error)) setConflict(true);
      else if (!applyServerErrors(error, form.setError, COMPANY_FORM_FIELDS)) {
        toast.error(describeError(error));
      }
    },
  });

  return (
    <PostForm onSubmit={form.handleSubmit((values) => update.mutate(companyUpdate(base, values)))}>
      {conflict ? (
        <StaleVersionAlert
          companyId={base.id}
          onReloaded={(fresh) => {
            setBase(fresh);
            form.reset(companyFormValues(fresh));
            setConflict(false);
          }}
        />
      ) : null}

      <CompanyFormFields form={form} />

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

/** Says the company changed since it was read, and loads the latest version to start over. */
function StaleVersionAlert({
  companyId,
  onReloaded,
}: {
  companyId: string;
  onReloaded: (fresh: Company) => void;
}) {
  const utils = api.useUtils();
  const [reloading, setReloading] = useState(false);

  async function reload() {
    setReloading(true);
    try {
      onReloaded(await utils.companies.get.fetch({ id: companyId }, { staleTime: 0 }));
      void utils.companies.list.invalidate();
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setReloading(false);
    }
  }

  return (
    <Alert variant="destructive">
      <TriangleAlertIcon aria-hidden="true" />
      <AlertTitle>Someone else changed this company meanwhile</AlertTitle>
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
  );
}
