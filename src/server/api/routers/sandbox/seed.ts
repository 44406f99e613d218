import { demoRecordCounts } from '@/schemas/sandbox';
import { seedSandbox } from '@/server/domain/sandbox/reset-sandbox';
import { organizationProcedure } from '../../trpc';
import { personOf } from '../acting-member';

export const seed = organizationProcedure
  .meta({
    permission: 'org:manage',
    openapi: {
      method: 'POST',
      path: '/sandbox/seed',
      tags: ['Sandbox'],
      summary: 'Fill the sandbox with demo data',
      description:
        'Called with a sandbox key: adds demo customers with their timelines, orders, ' +
        'companies and deals to the empty sandbox. A sandbox with records is refused (409): ' +
        'reset it with `seed` instead. A live organization is refused (400).',
      protect: true,
    },
  })
  .output(demoRecordCounts)
  .mutation(async ({ ctx }) => {
    const seeded = await seedSandbox(ctx.tx, personOf(ctx.principal));
    await ctx.audit({
      action: 'sandbox.seeded',
      entityType: 'organization',
      entityId: ctx.organization.id,
      changes: { after: { ...seeded } },
    });
    return seeded;
  });
