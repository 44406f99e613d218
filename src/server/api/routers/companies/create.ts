import { companyCreateInput, companyOutput } from '@/schemas/companies';
import { insertCompany, lockCompanyName } from '@/server/db/repositories/company-writes';
import { similarCompanies } from '@/server/db/repositories/duplicates';
import { possibleDuplicate } from '@/server/errors';
import { organizationProcedure } from '../../trpc';
import { companyAudits } from '../../record-audits';

export const create = organizationProcedure
  .meta({
    permission: 'companies:write',
    openapi: {
      method: 'POST',
      path: '/companies',
      tags: ['Companies'],
      summary: 'Create a company',
      description:
        'Domains are unique among the live companies of an organization (409 naming `domain`). A ' +
        'company whose name is very like an existing one (the same once case, punctuation and legal ' +
        'form are set aside, or 80% alike) is refused with 409 and those `candidates`, unless ' +
        '`allowDuplicate` is true.',
      protect: true,
      errorResponses: {
        409: 'Another live company has the domain, or a very similar name (see `candidates`).',
      },
    },
  })
  .input(companyCreateInput)
  .output(companyOutput)
  .mutation(async ({ ctx, input }) => {
    const { allowDuplicate, ...values } = input;
    await lockCompanyName(ctx.tx, values.name);
    if (!allowDuplicate) {
      const candidates = await similarCompanies(ctx.tx, values.name);
      if (candidates.length > 0) throw possibleDuplicate('company', candidates);
    }
    const company = await insertCompany(ctx.tx, values);
    await ctx.audit(companyAudits.created(company));
    return company;
  });
