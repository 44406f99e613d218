import { myOrganizationsOutput } from '@/schemas/organizations';
import { listMyOrganizations } from '@/server/domain/organizations/organizations';
import { userProcedure } from '../../trpc';

/** The person's organizations, with their role in each and which one is active. */
export const mine = userProcedure.output(myOrganizationsOutput).query(async ({ ctx }) => {
  const memberships = await listMyOrganizations(ctx.services, ctx.principal.userId);
  return memberships.map((m) => ({
    id: m.organizationId,
    name: m.name,
    slug: m.slug,
    role: m.role,
    sandboxOfId: m.sandboxOfId,
    active: m.organizationId === ctx.principal.organization?.id,
  }));
});
