'use client';

import type { OpenRecord } from '@/components/open-record';
import { RecordPanel, RecordPanelQuery } from '@/components/record-panel';
import { TagList } from '@/components/tag-list';
import { api } from '@/trpc/react';
import { CompanyDetails } from './company-details';
import { CompanyTimeline } from './company-timeline';

/** The company open beside the list: its details and the recent timeline of it and its people. */
export function CompanyPanel({ panel }: { panel: OpenRecord }) {
  const id = panel.openId ?? '';
  const company = api.companies.get.useQuery({ id }, { enabled: panel.openId !== null });

  return (
    <RecordPanel
      panel={panel}
      what="company"
      title={company.data?.name ?? 'Company'}
      href={`/companies/${id}`}
    >
      {panel.openId ? (
        <RecordPanelQuery query={company} what="company">
          {(data) => (
            <>
              <TagList tags={data.tags} />
              <CompanyDetails company={data} />
              <CompanyTimeline key={data.id} companyId={data.id} />
            </>
          )}
        </RecordPanelQuery>
      ) : null}
    </RecordPanel>
  );
}
