'use client';

import { RecordTimeline } from '@/features/timeline/record-timeline';

/** What happened with the company and its people, newest first. */
export function CompanyTimeline({ companyId }: { companyId: string }) {
  return (
    <RecordTimeline
      recordType="company"
      recordId={companyId}
      empty="Nothing recorded yet. Notes, calls, e-mails and meetings, orders, deals and tasks about the company and the people here appear on this timeline."
    />
  );
}
