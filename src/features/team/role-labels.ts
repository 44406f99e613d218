import type { Role } from '@/schemas/permissions';

const LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  manager: 'Manager',
  member: 'Member',
  viewer: 'Viewer',
};

const DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including deleting the organization.',
  admin: 'Manages members, API keys and settings.',
  manager: 'Handles orders, and deletes and exports customers.',
  member: 'Works with customers and interactions.',
  viewer: 'Read only.',
};

export const roleLabel = (role: Role) => LABELS[role];
export const roleDescription = (role: Role) => DESCRIPTIONS[role];

/**
 * Whether the signed-in person may change or remove this member here. The server enforces the
 * same rules; the UI only hides what would be refused. Leaving is on the settings page.
 */
export function mayManageMember(
  actor: { userId: string | undefined; role: Role | null | undefined },
  member: { userId: string; role: Role },
): boolean {
  if (!actor.userId || !actor.role) return false;
  if (member.userId === actor.userId) return false;
  if (member.role === 'owner' && actor.role !== 'owner') return false;
  return true;
}
