import { statusColorBadges } from '@/components/status-badge';
import { ORDER_STATUS_LABELS, type OrderStatus } from '@/schemas/order-constants';

export const { label: orderStatusLabel, Badge: OrderStatusBadge } =
  statusColorBadges<OrderStatus>(ORDER_STATUS_LABELS);
