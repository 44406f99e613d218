import type { OrganizationAccess, Principal } from '../context';

/** Who acts, as the membership rules see them: a person (or an API key, no one) with a role. */
export const actingMember = (ctx: { principal: Principal; organization: OrganizationAccess }) => ({
  userId: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
  role: ctx.organization.role,
});
