'use client';

import { RecordTimeline } from '@/features/timeline/record-timeline';

/** Everything that happened with a customer: interactions, orders, deals, tasks and changes. */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  return (
    <RecordTimeline
      recordType="customer"
      recordId={customerId}
      empty="Nothing recorded yet. Notes, calls, e-mails and meetings, orders, deals and tasks with this customer appear here."
    />
  );
}
