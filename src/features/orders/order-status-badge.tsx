import { statusBadges } from '@/components/status-badge';
import type { OrderStatus } from '@/schemas/orders';

export const { label: orderStatusLabel, Badge: OrderStatusBadge } = statusBadges<OrderStatus>({
  draft: ['Draft', 'outline'],
  placed: ['Placed', 'secondary'],
  paid: ['Paid', 'default'],
  fulfilled: ['Fulfilled', 'default'],
  cancelled: ['Cancelled', 'destructive'],
});
