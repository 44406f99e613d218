import { Badge } from '@/components/ui/badge';

type Tone = 'default' | 'secondary' | 'destructive' | 'outline';

/**
 * The name and the badge of each status of a kind of record, from the status's name and its
 * badge's tone: `statusBadges({ lead: ['Lead', 'outline'], … })`.
 */
export function statusBadges<S extends string>(statuses: Record<S, readonly [string, Tone]>) {
  function StatusBadge({ status }: { status: S }) {
    const [name, tone] = statuses[status];
    return <Badge variant={tone}>{name}</Badge>;
  }
  return { label: (status: S) => statuses[status][0], Badge: StatusBadge };
}
