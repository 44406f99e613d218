import { Badge } from '@/components/ui/badge';
import { statusColor, type ColoredStatus } from '@/lib/status-colors';

type Tone = 'default' | 'secondary' | 'destructive' | 'outline';

/**
 * The name and the badge of each value of a kind of record, from the value's name and its
 * badge's tone: `statusBadges({ high: ['High', 'destructive'], … })`.
 */
export function statusBadges<S extends string>(statuses: Record<S, readonly [string, Tone]>) {
  function StatusBadge({ status }: { status: S }) {
    const [name, tone] = statuses[status];
    return <Badge variant={tone}>{name}</Badge>;
  }
  return { label: (status: S) => statuses[status][0], Badge: StatusBadge };
}

/**
 * The name and the badge of each status, painted in the status's own colour (the one the charts
 * use too): `statusColorBadges({ lead: 'Lead', … })`.
 */
export function statusColorBadges<S extends ColoredStatus>(names: Record<S, string>) {
  function StatusBadge({ status }: { status: S }) {
    return (
      <Badge
        data-status={status}
        className="border-transparent text-white"
        style={{ backgroundColor: statusColor(status) }}
      >
        {names[status]}
      </Badge>
    );
  }
  return { label: (status: S) => names[status], Badge: StatusBadge };
}
