import { statusBadges } from '@/components/status-badge';
import type { DeliveryStatus } from '@/schemas/webhooks';

export const { label: deliveryStatusLabel, Badge: DeliveryStatusBadge } =
  statusBadges<DeliveryStatus>({
    pending: ['Pending', 'outline'],
    retrying: ['Retrying', 'secondary'],
    succeeded: ['Succeeded', 'default'],
    failed: ['Failed', 'destructive'],
  });
