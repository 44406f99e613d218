import { Badge } from '@/components/ui/badge';
import type { DealStatus } from '@/schemas/deals';

const LABELS: Record<DealStatus, string> = { open: 'Open', won: 'Won', lost: 'Lost' };

const VARIANTS = {
  open: 'outline',
  won: 'default',
  lost: 'destructive',
} as const satisfies Record<DealStatus, 'outline' | 'default' | 'destructive'>;

export const dealStatusLabel = (status: DealStatus) => LABELS[status];

export function DealStatusBadge({ status }: { status: DealStatus }) {
  return <Badge variant={VARIANTS[status]}>{LABELS[status]}</Badge>;
}
