import { statusColorBadges } from '@/components/status-badge';
import type { DealStatus } from '@/schemas/deals';

export const { label: dealStatusLabel, Badge: DealStatusBadge } = statusColorBadges<DealStatus>({
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
});
