'use client';

import { DetailItem, DetailsSection, noValue, RecordDates } from '@/components/detail-item';
import type { OpenRecord } from '@/components/open-record';
import { RecordPanel, RecordPanelQuery } from '@/components/record-panel';
import { formatMoney } from '@/lib/format';
import type { Deal } from '@/schemas/deals';
import { api } from '@/trpc/react';
import { formatDay } from './deal-dates';
import { DealStatusBadge } from './deal-status-badge';
import { DealTimeline } from './deal-timeline';
import { ownerLabel } from './use-member-names';

/** The deal open beside the list: where it stands, what it is worth, and its recent timeline. */
export function DealPanel({
  panel,
  stageNames,
  names,
}: {
  panel: OpenRecord;
  stageNames: ReadonlyMap<string, string>;
  names: ReadonlyMap<string, string>;
}) {
  const id = panel.openId ?? '';
  const deal = api.deals.get.useQuery({ id }, { enabled: panel.openId !== null });

  return (
    <RecordPanel panel={panel} what="deal" title={deal.data?.title ?? 'Deal'} href={`/deals/${id}`}>
      {panel.openId ? (
        <RecordPanelQuery query={deal} what="deal">
          {(data) => (
            <>
              <DealFacts deal={data} stageNames={stageNames} names={names} />
              <DealTimeline key={data.id} dealId={data.id} />
            </>
          )}
        </RecordPanelQuery>
      ) : null}
    </RecordPanel>
  );
}

function DealFacts({
  deal,
  stageNames,
  names,
}: {
  deal: Deal;
  stageNames: ReadonlyMap<string, string>;
  names: ReadonlyMap<string, string>;
}) {
  return (
    <DetailsSection>
      <DetailItem term="Status">
        <DealStatusBadge status={deal.status} />
      </DetailItem>
      <DetailItem term="Stage">{stageNames.get(deal.stageId) ?? noValue}</DetailItem>
      <DetailItem term="Amount">
        <span className="tabular-nums">{formatMoney(deal.amountCents, deal.currency)}</span>
      </DetailItem>
      <DetailItem term="Owner">{ownerLabel(names, deal.ownerId)}</DetailItem>
      <DetailItem term="Expected close">
        {deal.expectedCloseDate ? (
          <time dateTime={deal.expectedCloseDate}>{formatDay(deal.expectedCloseDate)}</time>
        ) : (
          noValue
        )}
      </DetailItem>
      {deal.status === 'lost' ? (
        <DetailItem term="Lost reason">{deal.lostReason ?? noValue}</DetailItem>
      ) : null}
      <RecordDates record={deal} />
    </DetailsSection>
  );
}
