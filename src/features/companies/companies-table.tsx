'use client';

import Link from 'next/link';
import { ListTable } from '@/components/list-table';
import { Badge } from '@/components/ui/badge';
import { Checkbox } from '@/components/ui/checkbox';
import { TableCell, TableRow } from '@/components/ui/table';
import { formatDate } from '@/lib/format';
import type { Company } from '@/schemas/companies';
import type { CompanyColumn } from './company-columns';
import type { CompanySort } from './list-params';

/** How many companies one bulk change may touch. */
export const MAX_BULK_COMPANIES = 100;

/** What every row shows: the columns left visible, and whether rows have checkboxes. */
interface RowLayout {
  shows: (column: CompanyColumn) => boolean;
  byUpdate: boolean;
  selectable: boolean;
}

export function CompaniesTable({
  companies,
  sort,
  hidden,
  selected,
  onSelectedChange,
}: {
  companies: Company[];
  /** Sorted by when they were last changed, the table shows that date instead of the created one. */
  sort: CompanySort;
  hidden: ReadonlySet<CompanyColumn>;
  /** With a selection, rows get checkboxes for bulk actions. */
  selected?: ReadonlySet<string>;
  onSelectedChange?: (selected: Set<string>) => void;
}) {
  const layout: RowLayout = {
    shows: (column) => !hidden.has(column),
    byUpdate: sort === 'updatedAt',
    selectable: selected !== undefined && onSelectedChange !== undefined,
  };
  const selectedHere = companies.filter((company) => selected?.has(company.id)).length;

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelectedChange?.(next);
  }

  return (
    <ListTable
      className="overflow-x-auto"
      columns={[
        layout.selectable && {
          className: 'w-10',
          label: (
            <Checkbox
              aria-label="Select all shown companies"
              checked={
                selectedHere === 0
                  ? false
                  : selectedHere === companies.length
                    ? true
                    : 'indeterminate'
              }
              onCheckedChange={(checked) =>
                onSelectedChange?.(
                  checked === true
                    ? new Set(companies.slice(0, MAX_BULK_COMPANIES).map((c) => c.id))
                    : new Set(),
                )
              }
            />
          ),
        },
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
        <CompanyRow
          key={company.id}
          company={company}
          layout={layout}
          isSelected={selected?.has(company.id) ?? false}
          selectionFull={(selected?.size ?? 0) >= MAX_BULK_COMPANIES}
          onToggle={(on) => toggle(company.id, on)}
        />
      ))}
    </ListTable>
  );
}

function CompanyRow({
  company,
  layout,
  isSelected,
  selectionFull,
  onToggle,
}: {
  company: Company;
  layout: RowLayout;
  isSelected: boolean;
  selectionFull: boolean;
  onToggle: (on: boolean) => void;
}) {
  const { shows } = layout;
  const date = layout.byUpdate ? company.updatedAt : company.createdAt;
  return (
    <TableRow data-state={isSelected ? 'selected' : undefined}>
      {layout.selectable ? (
        <TableCell aria-label="Select">
          <Checkbox
            aria-label={`Select ${company.name}`}
            checked={isSelected}
            disabled={!isSelected && selectionFull}
            onCheckedChange={(checked) => onToggle(checked === true)}
          />
        </TableCell>
      ) : null}
      <TableCell className="font-medium">
        <Link
          href={`/companies/${company.id}`}
          className="underline-offset-4 hover:underline focus-visible:underline"
        >
          {company.name}
        </Link>
      </TableCell>
      {shows('domain') ? (
        <TableCell className="text-muted-foreground">{company.domain ?? '—'}</TableCell>
      ) : null}
      {shows('industry') ? <TableCell>{company.industry ?? '—'}</TableCell> : null}
      {shows('size') ? <TableCell>{company.size ?? '—'}</TableCell> : null}
      {shows('tags') ? (
        <TableCell>
          <div className="flex flex-wrap gap-1">
            {company.tags.map((tag) => (
              <Badge key={tag} variant="secondary">
                {tag}
              </Badge>
            ))}
          </div>
        </TableCell>
      ) : null}
      {shows('date') ? (
        <TableCell className="text-right text-muted-foreground">
          <time dateTime={date.toISOString()}>{formatDate(date)}</time>
        </TableCell>
      ) : null}
    </TableRow>
  );
}
