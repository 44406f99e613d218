import { Badge } from '@/components/ui/badge';
import { ListTable } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import type { RouterOutputs } from '@/trpc/react';

type AuditEntry = RouterOutputs['audit']['list']['items'][number];

/** A value as text: strings as they are, anything else as JSON. */
function shown(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** What an entry changed, field by field, and where the change came from. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const before = entry.changes.before ?? {};
  const after = entry.changes.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];

  return (
    <div className="grid gap-4 py-2">
      {entry.changes.erased ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Badge variant="secondary">Erased</Badge>
          The personal data in this entry was erased.
        </p>
      ) : null}

      {fields.length > 0 ? (
        <ListTable
          className="rounded-md"
          columns={[{ label: 'Field', className: 'w-48' }, 'Before', 'After']}
        >
          {fields.map((field) => (
            <TableRow key={field}>
              <TableCell className="align-top font-mono text-xs">{field}</TableCell>
              <ValueCell value={before[field]} present={field in before} />
              <ValueCell value={after[field]} present={field in after} />
            </TableRow>
          ))}
        </ListTable>
      ) : (
        <p className="text-sm text-muted-foreground">No field changes were recorded.</p>
      )}

      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
        <dt className="text-muted-foreground">Request id</dt>
        <dd className="font-mono text-xs break-all sm:self-center">{entry.requestId ?? '—'}</dd>
        <dt className="text-muted-foreground">IP address</dt>
        <dd className="font-mono text-xs break-all sm:self-center">{entry.ipAddress ?? '—'}</dd>
        <dt className="text-muted-foreground">User agent</dt>
        <dd className="break-all">{entry.userAgent ?? '—'}</dd>
      </dl>
    </div>
  );
}

function ValueCell({ value, present }: { value: unknown; present: boolean }) {
  return (
    <TableCell className="align-top font-mono text-xs break-all whitespace-pre-wrap">
      {present ? shown(value) : <span className="text-muted-foreground">—</span>}
    </TableCell>
  );
}
