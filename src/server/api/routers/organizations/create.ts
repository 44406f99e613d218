import { organizationSummary } from '@/schemas/common';
import { createOrganizationInput } from '@/schemas/organizations';
import { createAnotherOrganization } from '@/server/domain/organizations/organizations';
import { accountDeps } from '../../account-deps';
import { userProcedure } from '../../trpc';

export const create = userProcedure
  .input(createOrganizationInput)
  .output(organizationSummary)
  .mutation(({ ctx, input }) =>
    createAnotherOrganization(accountDeps(ctx), ctx.principal, input.name),
  );
