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

export const timeline = organizationProcedure
  .meta({
    permission: 'interactions:read',
    openapi: {
      method: 'GET',
      path: '/companies/{id}/timeline',
      tags: ['Companies'],
      summary: "A company's timeline",
      description:
        'Notes, calls, e-mails and meetings about the company and its live people, newest first, ' +
        'one page at a time; `customerName` is null for an entry about the company itself.',
      protect: true,
    },
  })
  .input(companyTimelineInput)
  .output(companyTimelinePage)
  .query(async ({ ctx, input }) => {
    await requireCompany(ctx.tx, input.id);
    return listCompanyTimeline(ctx.tx, input);
  });

export const orders = organizationProcedure
  .meta({
    permission: 'orders:read',
    openapi: {
      method: 'GET',
      path: '/companies/{id}/orders',
      tags: ['Companies'],
      summary: "List a company's orders",
      description: "The orders of the company's people, newest first, one page at a time.",
      protect: true,
    },
  })
  .input(companyOrdersInput)
  .output(companyOrderPage)
  .query(async ({ ctx, input }) => {
    await requireCompany(ctx.tx, input.id);
    return listOrders(ctx.tx, { limit: input.limit, cursor: input.cursor, companyId: input.id });
  });

export const revenue = organizationProcedure
  .meta({
    permission: 'orders:read',
    openapi: {
      method: 'GET',
      path: '/companies/{id}/revenue',
      tags: ['Companies'],
      summary: "A company's revenue",
      description:
        "What the paid and fulfilled orders of the company's people add up to, per currency.",
      protect: true,
    },
  })
  .input(idParam)
  .output(companyRevenueOutput)
  .query(async ({ ctx, input }) => {
    await requireCompany(ctx.tx, input.id);
    return companyRevenue(ctx.tx, input.id);
  });
