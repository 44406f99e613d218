import type { CustomerStatus } from '@/schemas/customers';
import type { DealStatus } from '@/schemas/deals';
import type { OrderStatus } from '@/schemas/orders';
import type { DeliveryStatus } from '@/schemas/webhooks';

type ImportStatus = 'queued' | 'validating' | 'importing' | 'completed' | 'failed';

/** Every status that has a colour of its own, whatever kind of record it belongs to. */
export type ColoredStatus =
  CustomerStatus | DealStatus | OrderStatus | DeliveryStatus | ImportStatus;

/**
 * The statuses and the CSS variable each is painted with. globals.css defines `--status-<name>`
 * once for both themes, dark enough that white badge text keeps WCAG AA contrast, so a status
 * looks the same on its badge and in the dashboard's charts, in light and dark.
 */
export const STATUS_COLOR_VARIABLES = {
  lead: '--status-lead',
  active: '--status-active',
  inactive: '--status-inactive',
  churned: '--status-churned',
  open: '--status-open',
  won: '--status-won',
  lost: '--status-lost',
  draft: '--status-draft',
  placed: '--status-placed',
  paid: '--status-paid',
  fulfilled: '--status-fulfilled',
  cancelled: '--status-cancelled',
  pending: '--status-pending',
  retrying: '--status-retrying',
  succeeded: '--status-succeeded',
  failed: '--status-failed',
  queued: '--status-queued',
  validating: '--status-validating',
  importing: '--status-importing',
  completed: '--status-completed',
} as const satisfies Record<ColoredStatus, `--status-${string}`>;

/** `var(--status-lead)`: the colour of a status, for a badge's background or a chart's bar. */
export const statusColor = (status: ColoredStatus) => `var(${STATUS_COLOR_VARIABLES[status]})`;
