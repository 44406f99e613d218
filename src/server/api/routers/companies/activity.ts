import { idParam } from '@/schemas/common';
import {
  companyCustomerPage,
  companyCustomersInput,
  companyOrderPage,
  companyOrdersInput,
  companyRevenueOutput,
  companyTimelineInput,
  companyTimelinePage,
} from '@/schemas/companies';
import { getCompany } from '@/server/db/repositories/companies';
import {
  companyRevenue,
  listCompanyCustomers,
  listCompanyTimeline,
} from '@/server/db/repositories/company-activity';
import { listOrders } from '@/server/db/repositories/orders';
import type { TenantTx } from '@/server/db/types';
import { notFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

/** A live company of the organization, else 404 (another organization's id included). */
async function requireCompany(tx: TenantTx, id: string) {
  if (!(await getCompany(tx, id))) throw notFound('Company');
}

export const customers = organizationProcedure
  .meta({
    permission: 'companies:read',
    openapi: {
      method: 'GET',
      path: '/companies/{id}/customers',
      tags: ['Companies'],
      summary: "List a company's people",
      description: 'The live customers linked to the company, by name, one page at a time.',
      protect: true,
    },
  })
  .input(companyCustomersInput)
  .output(companyCustomerPage)
  .query(async ({ ctx, input }) => {
    await requireCompany(ctx.tx, input.id);
    return listCompanyCustomers(ctx.tx, input);
  });

/** The company page's timeline: the interactions of its people, newest first. */
export const timeline = organizationProcedure
  .meta({ permission: 'interactions:read' })
  .input(companyTimelineInput)
  .output(companyTimelinePage)
  .query(async ({ ctx, input }) => {
    await requireCompany(ctx.tx, input.id);
    return listCompanyTimeline(ctx.tx, input);
  });

/** The orders of the company's people, newest first. */
export const orders = organizationProcedure
  .meta({ permission: 'orders:read' })
  .input(companyOrdersInput)
  .output(companyOrderPage)
  .query(async ({ ctx, input }) => {
    await requireCompany(ctx.tx, input.id);
    return listOrders(ctx.tx, { limit: input.limit, cursor: input.cursor, companyId: input.id });
  });

/** Per currency, the paid and fulfilled orders of the company's people. */
export const revenue = organizationProcedure
  .meta({ permission: 'orders:read' })
  .input(idParam)
  .output(companyRevenueOutput)
  .query(async ({ ctx, input }) => {
    await requireCompany(ctx.tx, input.id);
    return companyRevenue(ctx.tx, input.id);
  });
