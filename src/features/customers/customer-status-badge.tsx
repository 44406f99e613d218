import { statusColorBadges } from '@/components/status-badge';
import type { CustomerStatus } from '@/schemas/customers';

export const { label: customerStatusLabel, Badge: CustomerStatusBadge } =
  statusColorBadges<CustomerStatus>({
    lead: 'Lead',
    active: 'Active',
    inactive: 'Inactive',
    churned: 'Churned',
  });
