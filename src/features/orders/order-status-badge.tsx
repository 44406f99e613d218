import { Badge } from '@/components/ui/badge';
import type { OrderStatus } from '@/schemas/orders';

const LABELS: Record<OrderStatus, string> = {
  draft: 'Draft',
  placed: 'Placed',
  paid: 'Paid',
  fulfilled: 'Fulfilled',
  cancelled: 'Cancelled',
};

const VARIANTS = {
  draft: 'outline',
  placed: 'secondary',
  paid: 'default',
  fulfilled: 'default',
  cancelled: 'destructive',
} as const satisfies Record<OrderStatus, 'outline' | 'secondary' | 'default' | 'destructive'>;

export const orderStatusLabel = (status: OrderStatus) => LABELS[status];

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge variant={VARIANTS[status]}>{LABELS[status]}</Badge>;
}
