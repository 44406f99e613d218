import { Table, TableBody, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/utils';

/**
 * A column heading: its text, or a label with a class; `srOnly` names a column of buttons for
 * screen readers alone; a `secondary` column is left out on a phone, where the record's panel
 * and page still show it.
 */
export type ListColumn =
  string | { label: React.ReactNode; srOnly?: boolean; className?: string; secondary?: boolean };

/**
 * The 1-based positions of the secondary columns among those shown, as globals.css reads them
 * (from 2 to 10: the first column, the record's name, is never secondary).
 */
export function secondaryPositions(columns: readonly (ListColumn | false)[]): string | undefined {
  const shown = columns.filter((column) => column !== false);
  const positions = shown.flatMap((column, i) =>
    typeof column === 'object' && column.secondary ? [i + 1] : [],
  );
  return positions.length > 0 ? positions.join(' ') : undefined;
}

/** The column of per-row buttons at the right end of a table. */
export const ACTIONS_COLUMN: ListColumn = {
  label: 'Actions',
  srOnly: true,
  className: 'text-right',
};

/**
 * A list as a bordered table: a row of column headings, then the rows it is given. A column
 * given as false (one the viewer may not see) is left out. The rows' cells need not know which
 * columns are secondary: the table names their positions and a style hides those cells.
 */
export function ListTable({
  columns,
  children,
  className,
}: {
  columns: readonly (ListColumn | false)[];
  children: React.ReactNode;
  className?: string;
}) {
  return (
    // min-w-0: in a grid or flex parent the frame may shrink below its table's width, so a wide
    // table scrolls inside the frame instead of widening the page.
    <div
      className={cn('min-w-0 rounded-lg border bg-background', className)}
      data-secondary-columns={secondaryPositions(columns)}
    >
      <Table>
        <TableHeader>
          <TableRow>
            {columns.map((column, i) =>
              column === false ? null : typeof column === 'string' ? (
                <TableHead key={i}>{column}</TableHead>
              ) : (
                <TableHead key={i} className={column.className}>
                  {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
                </TableHead>
              ),
            )}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  );
}
