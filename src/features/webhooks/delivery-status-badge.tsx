import { statusColorBadges } from '@/components/status-badge';
import type { DeliveryStatus } from '@/schemas/webhooks';

export const { label: deliveryStatusLabel, Badge: DeliveryStatusBadge } =
  statusColorBadges<DeliveryStatus>({
    pending: 'Pending',
    retrying: 'Retrying',
    succeeded: 'Succeeded',
    failed: 'Failed',
  });
