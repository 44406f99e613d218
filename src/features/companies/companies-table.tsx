'use client';

import { ListTable } from '@/components/list-table';
import { DateCell, NameCell, TagsCell } from '@/components/record-cells';
import { selectionColumn, SelectRowCell, type RowSelection } from '@/components/row-selection';
import { TableCell, TableRow } from '@/components/ui/table';
import type { Company } from '@/schemas/companies';
import type { CompanyColumn } from './company-columns';
import type { CompanySort } from './list-params';

/** What every row shows: the columns left visible, and whether rows have checkboxes. */
interface RowLayout {
  shows: (column: CompanyColumn) => boolean;
  byUpdate: boolean;
  selection?: RowSelection;
}

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
  const layout: RowLayout = {
    shows: (column) => !hidden.has(column),
    byUpdate: sort === 'updatedAt',
    selection,
  };

  return (
    <ListTable
      className="overflow-x-auto"
      columns={[
        selection !== undefined &&
          selectionColumn(companies, selection, 'Select all shown companies'),
        'Name',
        layout.shows('domain') && 'Domain',
        layout.shows('industry') && 'Industry',
        layout.shows('size') && 'Size',
        layout.shows('tags') && 'Tags',
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
  );
}

function CompanyRow({ company, layout }: { company: Company; layout: RowLayout }) {
  const { shows, selection } = layout;
  return (
    <TableRow data-state={selection?.selected.has(company.id) ? 'selected' : undefined}>
      {selection ? (
        <SelectRowCell id={company.id} name={company.name} selection={selection} />
      ) : null}
      <NameCell href={`/companies/${company.id}`}>{company.name}</NameCell>
      {shows('domain') ? (
        <TableCell className="text-muted-foreground">{company.domain ?? '—'}</TableCell>
      ) : null}
      {shows('industry') ? <TableCell>{company.industry ?? '—'}</TableCell> : null}
      {shows('size') ? <TableCell>{company.size ?? '—'}</TableCell> : null}
      {shows('tags') ? <TagsCell tags={company.tags} /> : null}
      {shows('date') ? (
        <DateCell date={layout.byUpdate ? company.updatedAt : company.createdAt} />
      ) : null}
    </TableRow>
  );
}
