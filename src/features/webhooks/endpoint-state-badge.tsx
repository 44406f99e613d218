import { Badge } from '@/components/ui/badge';

export function EndpointStateBadge({ enabled }: { enabled: boolean }) {
  return enabled ? <Badge>Enabled</Badge> : <Badge variant="secondary">Disabled</Badge>;
}
