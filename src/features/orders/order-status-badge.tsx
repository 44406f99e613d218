import { statusColorBadges } from '@/components/status-badge';
import type { OrderStatus } from '@/schemas/orders';

export const { label: orderStatusLabel, Badge: OrderStatusBadge } = statusColorBadges<OrderStatus>({
  draft: 'Draft',
  placed: 'Placed',
  paid: 'Paid',
  fulfilled: 'Fulfilled',
  cancelled: 'Cancelled',
});
