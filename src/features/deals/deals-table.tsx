import { ListTable } from '@/components/list-table';
import { NameCell } from '@/components/record-cells';
import { TableCell, TableRow } from '@/components/ui/table';
import { formatMoney } from '@/lib/format';
import type { Deal } from '@/schemas/deals';
import { formatDay } from './deal-dates';
import { DealStatusBadge } from './deal-status-badge';
import { ownerLabel } from './use-member-names';

/** Deals as a table: title (a link), stage, status, amount, owner and expected close. */
export function DealsTable({
  deals,
  stageNames,
  names,
}: {
  deals: Deal[];
  stageNames: ReadonlyMap<string, string>;
  names: ReadonlyMap<string, string>;
}) {
  return (
    <ListTable
      columns={[
        'Deal',
        'Stage',
        'Status',
        { label: 'Amount', className: 'text-right' },
        'Owner',
        { label: 'Expected close', className: 'text-right' },
      ]}
    >
      {deals.map((deal) => (
        <TableRow key={deal.id}>
          <NameCell href={`/deals/${deal.id}`}>{deal.title}</NameCell>
          <TableCell>{stageNames.get(deal.stageId) ?? '—'}</TableCell>
          <TableCell>
            <DealStatusBadge status={deal.status} />
          </TableCell>
          <TableCell className="text-right tabular-nums">
            {formatMoney(deal.amountCents, deal.currency)}
          </TableCell>
          <TableCell>{ownerLabel(names, deal.ownerId)}</TableCell>
          <TableCell className="text-right text-muted-foreground">
            {deal.expectedCloseDate ? (
              <time dateTime={deal.expectedCloseDate}>{formatDay(deal.expectedCloseDate)}</time>
            ) : (
              '—'
            )}
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
