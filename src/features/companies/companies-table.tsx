'use client';

import dynamic from 'next/dynamic';
import { InlineCell, type InlineField, type InlineSaving } from '@/components/inline-cell';
import { ListTable } from '@/components/list-table';
import { useCan } from '@/components/permissions-provider';
import {
  OpenableRow,
  useOpenRecord,
  usePanelWanted,
  type OpenRecord,
} from '@/components/open-record';
import { DateCell, NameCell, TagsCell } from '@/components/record-cells';
import { selectionColumn, SelectRowCell, type RowSelection } from '@/components/row-selection';
import { COMPANY_SIZES, type Company, type CompanyUpdateInput } from '@/schemas/companies';
import { api } from '@/trpc/react';
import type { CompanyColumn } from './company-columns';
import { sizeLabel } from './company-size';
import type { CompanySort } from './list-params';

// The panel's code (details, timeline, composer) loads when a record is first opened.
const CompanyPanel = dynamic(
  () => import('./company-panel').then((module) => module.CompanyPanel),
  {
    ssr: false,
  },
);

type CompanyPatch = Omit<CompanyUpdateInput, 'id' | 'expectedVersion'>;
type CompanyField = InlineField<Company, CompanyPatch>;

const domainField: CompanyField = {
  name: 'domain',
  draft: (company) => company.domain ?? '',
  show: (company) => <span className="text-muted-foreground">{company.domain ?? '—'}</span>,
  editor: { kind: 'input' },
  change: (draft) => ({ patch: { domain: draft.trim() } }),
};

const industryField: CompanyField = {
  name: 'industry',
  draft: (company) => company.industry ?? '',
  show: (company) => company.industry ?? '—',
  editor: { kind: 'input' },
  change: (draft) => ({ patch: { industry: draft.trim() } }),
};

const NO_SIZE = '';

const sizeField: CompanyField = {
  name: 'size',
  draft: (company) => company.size ?? NO_SIZE,
  show: (company) => company.size ?? '—',
  editor: {
    kind: 'select',
    options: [
      { value: NO_SIZE, label: 'Not known' },
      ...COMPANY_SIZES.map((size) => ({ value: size, label: sizeLabel(size) })),
    ],
  },
  change: (draft) => {
    if (draft === NO_SIZE) return { patch: { size: null } };
    const size = COMPANY_SIZES.find((known) => known === draft);
    return size ? { patch: { size } } : { error: 'must be one of the sizes listed' };
  },
};

/** Saves a company's change in place, and reads the version someone else saved meanwhile. */
function useCompanySaving(): InlineSaving<Company, CompanyPatch> {
  const utils = api.useUtils();
  return {
    async save(company, patch, expectedVersion) {
      const updated = await utils.client.companies.update.mutate({
        id: company.id,
        expectedVersion,
        ...patch,
      });
      utils.companies.get.setData({ id: updated.id }, updated);
      void Promise.all([utils.companies.list.invalidate(), utils.customers.invalidate()]);
      return updated;
    },
    async fetchLatest({ id }) {
      const fresh = await utils.companies.get.fetch({ id }, { staleTime: 0 });
      void utils.companies.list.invalidate();
      return fresh;
    },
  };
}

/** What every row shows and may do: the columns left visible, checkboxes, edits, the panel. */
interface RowLayout {
  shows: (column: CompanyColumn) => boolean;
  byUpdate: boolean;
  selection?: RowSelection;
  canEdit: boolean;
  saving: InlineSaving<Company, CompanyPatch>;
  panel: OpenRecord;
}

/**
 * Companies as a table. Those who may change companies edit the domain, industry and size in
 * place; clicking a row elsewhere opens the company in a side panel.
 */
export function CompaniesTable({
  companies,
  sort,
  hidden,
  selection,
}: {
  companies: Company[];
  /** Sorted by when they were last changed, the table shows that date instead of the created one. */
  sort: CompanySort;
  hidden: ReadonlySet<CompanyColumn>;
  /** With a selection, rows get checkboxes for bulk actions. */
  selection?: RowSelection;
}) {
  const panel = useOpenRecord(companies.map((company) => company.id));
  const panelWanted = usePanelWanted(panel);
  const layout: RowLayout = {
    shows: (column) => !hidden.has(column),
    byUpdate: sort === 'updatedAt',
    selection,
    canEdit: useCan('companies:write'),
    saving: useCompanySaving(),
    panel,
  };

  return (
    <>
      <ListTable
        className="overflow-x-auto"
        columns={[
          selection !== undefined &&
            selectionColumn(companies, selection, 'Select all shown companies'),
          'Name',
          layout.shows('domain') && { label: 'Domain', secondary: true },
          layout.shows('industry') && { label: 'Industry', secondary: true },
          layout.shows('size') && { label: 'Size', secondary: true },
          layout.shows('tags') && { label: 'Tags', secondary: true },
          layout.shows('date') && {
            label: layout.byUpdate ? 'Updated' : 'Created',
            className: 'text-right',
          },
        ]}
      >
        {companies.map((company) => (
          <CompanyRow key={company.id} company={company} layout={layout} />
        ))}
      </ListTable>
      {panelWanted ? <CompanyPanel panel={panel} /> : null}
    </>
  );
}

function CompanyRow({ company, layout }: { company: Company; layout: RowLayout }) {
  const { shows, selection } = layout;
  const cell = (field: CompanyField) => (
    <InlineCell
      record={company}
      recordName={company.name}
      field={field}
      saving={layout.saving}
      canEdit={layout.canEdit}
    />
  );
  return (
    <OpenableRow
      recordId={company.id}
      panel={layout.panel}
      data-state={selection?.selected.has(company.id) ? 'selected' : undefined}
    >
      {selection ? (
        <SelectRowCell id={company.id} name={company.name} selection={selection} />
      ) : null}
      <NameCell
        preview={{ name: company.name, open: () => layout.panel.open(company.id) }}
        href={`/companies/${company.id}`}
      >
        {company.name}
      </NameCell>
      {shows('domain') ? cell(domainField) : null}
      {shows('industry') ? cell(industryField) : null}
      {shows('size') ? cell(sizeField) : null}
      {shows('tags') ? <TagsCell tags={company.tags} /> : null}
      {shows('date') ? (
        <DateCell date={layout.byUpdate ? company.updatedAt : company.createdAt} />
      ) : null}
    </OpenableRow>
  );
}
