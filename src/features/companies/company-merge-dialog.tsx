'use client';

import { useState } from 'react';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { SearchCombobox, type ComboboxOption } from '@/components/search-combobox';
import { toast } from '@/lib/toast';
import type { Company } from '@/schemas/companies';
import { api } from '@/trpc/react';
import { useCompanySearch } from './use-company-search';

/**
 * Picks another company by searching and merges it into this one: its people and deals move
 * here and it is deleted. Nothing happens until the merge is confirmed.
 */
export function CompanyMergeDialog({
  company,
  open,
  onOpenChange,
  finalFocus,
  onMerged,
}: {
  company: Company;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  finalFocus?: React.RefObject<HTMLElement | null>;
  onMerged: () => void;
}) {
  const utils = api.useUtils();
  const [term, setTerm] = useState('');
  const [source, setSource] = useState<ComboboxOption | null>(null);
  const { options, searching } = useCompanySearch(term, { exceptId: company.id });

  const merge = api.companies.merge.useMutation({
    onSuccess: async (result) => {
      const moved = result.customersMoved;
      toast.success(
        `${source?.label ?? 'The company'} was merged into ${result.company.name}` +
          (moved > 0 ? `: ${moved} ${moved === 1 ? 'person' : 'people'} moved` : ''),
      );
      utils.companies.get.setData({ id: result.company.id }, result.company);
      onMerged();
      await Promise.all([utils.companies.invalidate(), utils.customers.invalidate()]);
    },
  });

  function changeOpen(next: boolean) {
    if (!next) {
      setTerm('');
      setSource(null);
    }
    onOpenChange(next);
  }

  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={changeOpen}
      finalFocus={finalFocus}
      title={`Merge another company into ${company.name}`}
      description={
        source ? (
          <p>
            The people and deals of <strong className="text-foreground">{source.label}</strong> move
            to {company.name}, and {source.label} is deleted.
          </p>
        ) : (
          <p>Find the company to merge into this one, for example a duplicate of it.</p>
        )
      }
      confirmLabel="Merge companies"
      pendingLabel="Merging…"
      confirmDisabled={!source}
      // Disabled until a company is picked, so there always is one here.
      onConfirm={() => merge.mutateAsync({ id: company.id, sourceId: source?.id ?? '' })}
    >
      <SearchCombobox
        label="Company to merge"
        value={term}
        onValueChange={(value) => {
          setTerm(value);
          if (source && value !== source.label) setSource(null);
        }}
        options={options}
        searching={searching}
        emptyText="No other company matches."
        placeholder="Search by name or domain"
        onPick={(option) => {
          setSource(option);
          setTerm(option.label);
        }}
      />
    </ConfirmDestructiveDialog>
  );
}
