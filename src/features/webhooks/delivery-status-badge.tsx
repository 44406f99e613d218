import { Badge } from '@/components/ui/badge';
import type { DeliveryStatus } from '@/schemas/webhooks';

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  retrying: 'Retrying',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

const VARIANTS = {
  pending: 'outline',
  retrying: 'secondary',
  succeeded: 'default',
  failed: 'destructive',
} as const satisfies Record<DeliveryStatus, 'default' | 'secondary' | 'destructive' | 'outline'>;

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return <Badge variant={VARIANTS[status]}>{DELIVERY_STATUS_LABELS[status]}</Badge>;
}
