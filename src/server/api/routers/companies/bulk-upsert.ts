import { MAX_UPSERT_BODY_BYTES, MAX_UPSERT_ITEMS, upsertResult } from '@/schemas/bulk-upsert';
import { companyBulkUpsertInput } from '@/schemas/companies';
import { upsertCompanies } from '@/server/domain/companies/bulk-upsert';
import { companyAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';

/** Creates or updates up to 1,000 companies by domain: all or none. */
export const bulkUpsert = organizationProcedure
  .meta({
    permission: 'companies:write',
    bulk: true,
    maxBodyBytes: MAX_UPSERT_BODY_BYTES,
    openapi: {
      method: 'POST',
      path: '/companies/bulk-upsert',
      tags: ['Companies'],
      summary: 'Create or update many companies',
      description:
        `Up to ${MAX_UPSERT_ITEMS} companies in one transaction, each found by its \`domain\` ` +
        '(normalised: lowercase host without `www.`) among the live companies: a match is ' +
        'updated with the fields sent (and only those; a new name is written into its people), ' +
        'anything else is created (then `name` is required). Each item is answered in order as ' +
        '`created`, `updated` or `unchanged`, with its id. Every item is checked first: invalid ' +
        'ones are a 400 naming each item and field (`items.3.domain`), two items with one ' +
        'domain a 400 naming both, and nothing is changed. Each company created or changed gets ' +
        'its own audit entry and event; unchanged ones get none. The body may be up to ' +
        `${MAX_UPSERT_BODY_BYTES / 1_000_000} MB (413 beyond).`,
      protect: true,
    },
  })
  .input(companyBulkUpsertInput)
  .output(upsertResult)
  .mutation(({ ctx, input }) =>
    upsertCompanies(ctx.tx, input.items, {
      created: async (company) => void (await ctx.audit(companyAudits.created(company))),
      updated: async (before, after) =>
        void (await ctx.audit(companyAudits.updated(before, after))),
    }),
  );
