'use client';

import dynamic from 'next/dynamic';
import { InlineCell, type InlineField, type InlineSaving } from '@/components/inline-cell';
import { ListTable } from '@/components/list-table';
import { useCan } from '@/components/permissions-provider';
import { OpenableRow, useOpenRecord, usePanelWanted } from '@/components/open-record';
import { OwnerCell } from '@/components/owner-cell';
import { NameCell } from '@/components/record-cells';
import { TableCell } from '@/components/ui/table';
import { formatMoney } from '@/lib/format';
import { minorUnitsInput, parseMoney } from '@/lib/money';
import type { Deal, DealUpdateInput } from '@/schemas/deals';
import { api } from '@/trpc/react';
import { formatDay } from './deal-dates';
import { DealStatusBadge } from './deal-status-badge';
import { useRefreshDealLists } from './use-refresh-deal-lists';

// The panel's code (details, timeline, composer) loads when a record is first opened.
const DealPanel = dynamic(() => import('./deal-panel').then((module) => module.DealPanel), {
  ssr: false,
});

type DealPatch = Omit<DealUpdateInput, 'id' | 'expectedVersion'>;
type DealField = InlineField<Deal, DealPatch>;

const amountField: DealField = {
  name: 'amount',
  draft: (deal) => minorUnitsInput(deal.amountCents, deal.currency),
  show: (deal) => (
    <span className="ml-auto tabular-nums">{formatMoney(deal.amountCents, deal.currency)}</span>
  ),
  words: (deal) => formatMoney(deal.amountCents, deal.currency),
  editor: { kind: 'input', inputMode: 'decimal' },
  change: (draft, deal) => {
    const amount = parseMoney(draft, deal.currency);
    return amount.error === undefined
      ? { patch: { amountCents: amount.minorUnits } }
      : { error: amount.error };
  },
};

const closeField: DealField = {
  name: 'expected close',
  draft: (deal) => deal.expectedCloseDate ?? '',
  show: (deal) =>
    deal.expectedCloseDate ? (
      <time dateTime={deal.expectedCloseDate} className="ml-auto text-muted-foreground">
        {formatDay(deal.expectedCloseDate)}
      </time>
    ) : (
      <span className="ml-auto text-muted-foreground">—</span>
    ),
  words: (deal) => (deal.expectedCloseDate ? formatDay(deal.expectedCloseDate) : 'Not set'),
  editor: { kind: 'input', type: 'date' },
  change: (draft) => ({ patch: { expectedCloseDate: draft === '' ? null : draft } }),
};

/** Saves a deal's change in place, and reads the version someone else saved meanwhile. */
function useDealSaving(): InlineSaving<Deal, DealPatch> {
  const utils = api.useUtils();
  const refreshDealLists = useRefreshDealLists();
  return {
    async save(deal, patch, expectedVersion) {
      const updated = await utils.client.deals.update.mutate({
        id: deal.id,
        expectedVersion,
        ...patch,
      });
      utils.deals.get.setData({ id: updated.id }, updated);
      void refreshDealLists();
      return updated;
    },
    async fetchLatest({ id }) {
      const fresh = await utils.deals.get.fetch({ id }, { staleTime: 0 });
      void utils.deals.list.invalidate();
      return fresh;
    },
  };
}

/**
 * Deals as a table: title (a link), stage, status, amount, owner and expected close. Those who
 * may change deals edit the amount and the expected close in place; clicking a row elsewhere
 * opens the deal in a side panel.
 */
export function DealsTable({
  deals,
  stageNames,
  names,
}: {
  deals: Deal[];
  stageNames: ReadonlyMap<string, string>;
  names: ReadonlyMap<string, string>;
}) {
  const canEdit = useCan('deals:write');
  const saving = useDealSaving();
  const panel = useOpenRecord(deals.map((deal) => deal.id));
  const panelWanted = usePanelWanted(panel);
  const cell = (deal: Deal, field: DealField) => (
    <InlineCell
      record={deal}
      recordName={deal.title}
      field={field}
      saving={saving}
      canEdit={canEdit}
      className="text-right"
    />
  );

  return (
    <>
      <ListTable
        columns={[
          'Deal',
          'Stage',
          { label: 'Status', secondary: true },
          { label: 'Amount', className: 'text-right' },
          { label: 'Owner', secondary: true },
          { label: 'Expected close', className: 'text-right', secondary: true },
        ]}
      >
        {deals.map((deal) => (
          <OpenableRow key={deal.id} recordId={deal.id} panel={panel}>
            <NameCell
              preview={{ name: deal.title, open: () => panel.open(deal.id) }}
              href={`/deals/${deal.id}`}
            >
              {deal.title}
            </NameCell>
            <TableCell>{stageNames.get(deal.stageId) ?? '—'}</TableCell>
            <TableCell>
              <DealStatusBadge status={deal.status} />
            </TableCell>
            {cell(deal, amountField)}
            <OwnerCell ownerId={deal.ownerId} />
            {cell(deal, closeField)}
          </OpenableRow>
        ))}
      </ListTable>
      {panelWanted ? <DealPanel panel={panel} stageNames={stageNames} names={names} /> : null}
    </>
  );
}
