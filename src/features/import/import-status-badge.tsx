import { statusColorBadges } from '@/components/status-badge';
import type { ImportView } from '@/schemas/imports';

type ImportStatus = ImportView['status'];

export const { label: importStatusLabel, Badge: ImportStatusBadge } =
  statusColorBadges<ImportStatus>({
    queued: 'Queued',
    validating: 'Checking rows',
    importing: 'Importing',
    completed: 'Completed',
    failed: 'Failed',
  });

export const isFinished = (status: ImportStatus) => status === 'completed' || status === 'failed';
