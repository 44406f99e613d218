import { SelectItem } from '@/components/ui/select';
import type { Role } from '@/schemas/permissions';
import { roleDescription, roleLabel } from './role-labels';

/** Select items naming each role with a line on what it may do. */
export function RoleSelectItems({ roles }: { roles: readonly Role[] }) {
  return roles.map((role) => (
    <SelectItem key={role} value={role} textValue={roleLabel(role)}>
      <span className="flex flex-col">
        <span>{roleLabel(role)}</span>
        <span className="text-xs text-muted-foreground">{roleDescription(role)}</span>
      </span>
    </SelectItem>
  ));
}
