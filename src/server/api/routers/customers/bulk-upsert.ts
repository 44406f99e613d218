import { MAX_UPSERT_BODY_BYTES, MAX_UPSERT_ITEMS, upsertResult } from '@/schemas/bulk-upsert';
import { customerBulkUpsertInput } from '@/schemas/customers';
import { upsertCustomers } from '@/server/domain/customers/bulk-upsert';
import { companyAudits, customerAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';

/** Creates or updates up to 1,000 customers by e-mail address: all or none. */
export const bulkUpsert = organizationProcedure
  .meta({
    permission: 'customers:write',
    bulk: true,
    maxBodyBytes: MAX_UPSERT_BODY_BYTES,
    openapi: {
      method: 'POST',
      path: '/customers/bulk-upsert',
      tags: ['Customers'],
      summary: 'Create or update many customers',
      description:
        `Up to ${MAX_UPSERT_ITEMS} customers in one transaction, each found by its \`email\` ` +
        'among the live customers (ignoring case): a match is updated with the fields sent ' +
        '(and only those), anything else is created (then `firstName` is required). Each item ' +
        'is answered in order as `created`, `updated` or `unchanged`, with its id. Every item is ' +
        'checked first: invalid ones are a 400 naming each item and field (`items.3.email`), ' +
        'two items with one address a 400 naming both, and nothing is changed. Each customer ' +
        'created or changed gets its own audit entry and event; unchanged ones get none. The ' +
        `body may be up to ${MAX_UPSERT_BODY_BYTES / 1_000_000} MB (413 beyond).`,
      protect: true,
    },
  })
  .input(customerBulkUpsertInput)
  .output(upsertResult)
  .mutation(({ ctx, input }) =>
    upsertCustomers(ctx.tx, input.items, {
      created: async (customer) => void (await ctx.audit(customerAudits.created(customer))),
      updated: async (before, after) =>
        void (await ctx.audit(customerAudits.updated(before, after))),
      companyCreated: async (company) => void (await ctx.audit(companyAudits.created(company))),
    }),
  );
