'use client';

import { RecordTimeline } from '@/features/timeline/record-timeline';

/** The deal's notes, calls, e-mails and meetings, its moves between stages, tasks and changes. */
export function DealTimeline({ dealId }: { dealId: string }) {
  return (
    <RecordTimeline
      recordType="deal"
      recordId={dealId}
      empty="Nothing recorded yet. Notes, calls, e-mails and meetings about the deal appear here."
    />
  );
}
