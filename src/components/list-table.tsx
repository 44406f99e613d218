import { Table, TableBody, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/utils';

/**
 * A column heading: its text, or a label with a class; `srOnly` names a column of buttons for
 * screen readers alone.
 */
export type ListColumn = string | { label: React.ReactNode; srOnly?: boolean; className?: string };

/** The column of per-row buttons at the right end of a table. */
export const ACTIONS_COLUMN: ListColumn = {
  label: 'Actions',
  srOnly: true,
  className: 'text-right',
};

/**
 * A list as a bordered table: a row of column headings, then the rows it is given. A column
 * given as false (one the viewer may not see) is left out.
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
    <div className={cn('min-w-0 rounded-lg border bg-background', className)}>
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
