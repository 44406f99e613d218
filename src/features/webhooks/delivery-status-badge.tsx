import { Badge } from '@/components/ui/badge';
import type { DeliveryStatus } from '@/schemas/webhooks';

const BADGES = {
  pending: { label: 'Pending', variant: 'outline' },
  retrying: { label: 'Retrying', variant: 'secondary' },
  succeeded: { label: 'Succeeded', variant: 'default' },
  failed: { label: 'Failed', variant: 'destructive' },
} as const satisfies Record<
  DeliveryStatus,
  { label: string; variant: 'default' | 'secondary' | 'destructive' | 'outline' }
>;

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const badge = BADGES[status];
  return <Badge variant={badge.variant}>{badge.label}</Badge>;
}
