import { z } from 'zod';
import { roleSchema } from '@/schemas/auth';
import { createOrganizationInput, switchOrganizationInput } from '@/schemas/organizations';
import {
  createAnotherOrganization,
  listMyOrganizations,
  switchOrganization,
} from '@/server/domain/organizations/organizations';
import { accountDeps } from '../../account-deps';
import { userProcedure } from '../../trpc';

const summary = z.object({ id: z.uuid(), name: z.string(), slug: z.string() });

/** The person's organizations, with their role in each and which one is active. */
export const mine = userProcedure
  .output(z.array(summary.extend({ role: roleSchema, active: z.boolean() })))
  .query(async ({ ctx }) => {
    const memberships = await listMyOrganizations(ctx.services, ctx.principal.userId);
    return memberships.map((m) => ({
      id: m.organizationId,
      name: m.name,
      slug: m.slug,
      role: m.role,
      active: m.organizationId === ctx.principal.organization?.id,
    }));
  });

export const switchTo = userProcedure
  .input(switchOrganizationInput)
  .output(summary)
  .mutation(async ({ ctx, input }) => {
    const organization = await switchOrganization(
      ctx.services,
      ctx.principal,
      input.organizationId,
    );
    return { id: organization.organizationId, name: organization.name, slug: organization.slug };
  });

export const create = userProcedure
  .input(createOrganizationInput)
  .output(summary)
  .mutation(({ ctx, input }) =>
    createAnotherOrganization(accountDeps(ctx), ctx.principal, input.name),
  );
