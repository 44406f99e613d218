import { statusBadges } from '@/components/status-badge';
import type { DealStatus } from '@/schemas/deals';

export const { label: dealStatusLabel, Badge: DealStatusBadge } = statusBadges<DealStatus>({
  open: ['Open', 'outline'],
  won: ['Won', 'default'],
  lost: ['Lost', 'destructive'],
});
