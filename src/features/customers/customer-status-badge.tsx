import { statusBadges } from '@/components/status-badge';
import type { CustomerStatus } from '@/schemas/customers';

export const { label: customerStatusLabel, Badge: CustomerStatusBadge } =
  statusBadges<CustomerStatus>({
    lead: ['Lead', 'outline'],
    active: ['Active', 'default'],
    inactive: ['Inactive', 'secondary'],
    churned: ['Churned', 'destructive'],
  });
