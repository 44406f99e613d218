import { can, type Permission } from '@/schemas/permissions';
import { AppError } from '@/server/errors';
import type { OrganizationAccess, Principal } from './context';

/**
 * The organization a principal may use a permission in: the same rule as organization
 * procedures, for the few HTTP endpoints outside tRPC (streamed exports).
 */
export function authorize(principal: Principal | null, permission: Permission): OrganizationAccess {
  if (!principal || (principal.kind === 'user' && principal.twoFactorPending)) {
    throw new AppError('UNAUTHORIZED', 'Sign in or provide an API key');
  }
  const organization = principal.organization;
  if (!organization) throw new AppError('FORBIDDEN', 'Choose an organization first');
  if (!can(organization.role, permission)) {
    throw new AppError('FORBIDDEN', `The ${organization.role} role does not allow ${permission}`);
  }
  return organization;
}
