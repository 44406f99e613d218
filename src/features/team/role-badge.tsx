import { Badge } from '@/components/ui/badge';
import type { Role } from '@/schemas/permissions';
import { roleLabel } from './role-labels';

const VARIANTS = {
  owner: 'default',
  admin: 'secondary',
  manager: 'outline',
  member: 'outline',
  viewer: 'outline',
} as const satisfies Record<Role, 'default' | 'secondary' | 'outline'>;

export function RoleBadge({ role }: { role: Role }) {
  return <Badge variant={VARIANTS[role]}>{roleLabel(role)}</Badge>;
}
