import { Badge } from '@/components/ui/badge';
import type { CustomerStatus } from '@/schemas/customers';

const LABELS: Record<CustomerStatus, string> = {
  lead: 'Lead',
  active: 'Active',
  inactive: 'Inactive',
  churned: 'Churned',
};

const VARIANTS = {
  lead: 'outline',
  active: 'default',
  inactive: 'secondary',
  churned: 'destructive',
} as const satisfies Record<CustomerStatus, 'outline' | 'default' | 'secondary' | 'destructive'>;

export const customerStatusLabel = (status: CustomerStatus) => LABELS[status];

export function CustomerStatusBadge({ status }: { status: CustomerStatus }) {
  return <Badge variant={VARIANTS[status]}>{LABELS[status]}</Badge>;
}
