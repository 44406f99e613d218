import { Badge } from '@/components/ui/badge';
import type { ImportView } from '@/schemas/imports';

type ImportStatus = ImportView['status'];

const LABELS: Record<ImportStatus, string> = {
  queued: 'Queued',
  validating: 'Checking rows',
  importing: 'Importing',
  completed: 'Completed',
  failed: 'Failed',
};

const VARIANTS = {
  queued: 'outline',
  validating: 'secondary',
  importing: 'secondary',
  completed: 'default',
  failed: 'destructive',
} as const satisfies Record<ImportStatus, 'outline' | 'secondary' | 'default' | 'destructive'>;

export const importStatusLabel = (status: ImportStatus) => LABELS[status];

export const isFinished = (status: ImportStatus) => status === 'completed' || status === 'failed';

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  return <Badge variant={VARIANTS[status]}>{LABELS[status]}</Badge>;
}
