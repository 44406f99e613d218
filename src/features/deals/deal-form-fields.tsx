'use client';

import { Controller } from 'react-hook-form';
import { FormTextField } from '@/components/form-field';
import { FormSelectField } from '@/components/select-field';
import { SelectItem } from '@/components/ui/select';
import { FormOwnerSelectField } from '@/features/members/owner-fields';
import type { PipelineStage } from '@/schemas/pipelines';
import type { DealFormReturn } from './deal-form';
import { DealCompanyField, DealPeopleField } from './deal-link-fields';

/**
 * The fields of a deal: title, amount and currency, expected close date, owner, company and
 * people, and (when `stages` are given, for a new deal) the stage it starts in.
 */
export function DealFormFields({
  form,
  stages,
}: {
  form: DealFormReturn;
  stages?: readonly PipelineStage[];
}) {
  return (
    <>
      <FormTextField form={form} name="title" label="Title" autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_7rem]">
        <FormTextField
          form={form}
          name="amount"
          label="Amount"
          inputMode="decimal"
          autoComplete="off"
          hint="In the currency's units, e.g. 1200.50."
        />
        <FormTextField
          form={form}
          name="currency"
          label="Currency"
          autoComplete="off"
          maxLength={3}
          className="uppercase"
          hint="e.g. USD"
        />
      </div>
      {stages ? (
        <FormSelectField control={form.control} name="stageId" label="Stage">
          {stages.map((stage) => (
            <SelectItem key={stage.id} value={stage.id}>
              {stage.name}
            </SelectItem>
          ))}
        </FormSelectField>
      ) : null}
      <FormTextField form={form} name="expectedCloseDate" label="Expected close date" type="date" />
      <FormOwnerSelectField control={form.control} name="ownerId" />
      <Controller
        control={form.control}
        name="companyId"
        render={({ field, fieldState }) => (
          <DealCompanyField
            companyId={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="customerIds"
        render={({ field, fieldState }) => (
          <DealPeopleField
            customerIds={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
    </>
  );
}
