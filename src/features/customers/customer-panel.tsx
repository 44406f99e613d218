'use client';

import type { OpenRecord } from '@/components/open-record';
import { RecordPanel, RecordPanelQuery } from '@/components/record-panel';
import { customerName } from '@/lib/format';
import { api } from '@/trpc/react';
import { CustomerDetails } from './customer-details';
import { CustomerStatusBadge } from './customer-status-badge';
import { CustomerTimeline } from './customer-timeline';

/** The customer open beside the list: status, details and recent timeline. */
export function CustomerPanel({ panel }: { panel: OpenRecord }) {
  const id = panel.openId ?? '';
  const customer = api.customers.get.useQuery({ id }, { enabled: panel.openId !== null });

  return (
    <RecordPanel
      panel={panel}
      what="customer"
      title={customer.data ? customerName(customer.data) : 'Customer'}
      href={`/customers/${id}`}
    >
      {panel.openId ? (
        <RecordPanelQuery query={customer} what="customer">
          {(data) => (
            <>
              <div>
                <CustomerStatusBadge status={data.status} />
              </div>
              <CustomerDetails customer={data} />
              <CustomerTimeline key={data.id} customerId={data.id} />
            </>
          )}
        </RecordPanelQuery>
      ) : null}
    </RecordPanel>
  );
}
