import { idParam } from '@/schemas/common';
import { customerCountOutput, customerFilterInput } from '@/schemas/customers';
import { customerDataExport } from '@/schemas/customer-privacy';
import { countCustomers } from '@/server/db/repositories/customers';
import { exportCustomerData } from '@/server/domain/customers/gdpr';
import { organizationProcedure } from '../../trpc';

/** How many live customers match the filters, up to 10,000 (then `capped`). */
export const count = organizationProcedure
  .meta({ permission: 'customers:read' })
  .input(customerFilterInput)
  .output(customerCountOutput)
  .query(({ ctx, input }) => countCustomers(ctx.tx, input));

/** Everything held about one customer, as one JSON document (data subject access request). */
export const exportData = organizationProcedure
  .meta({
    permission: 'data:export',
    openapi: {
      method: 'GET',
      path: '/customers/{id}/export',
      tags: ['Customers'],
      summary: 'Export all data about a customer (GDPR)',
      description: 'The profile, interactions, orders and audit entries about one customer.',
      protect: true,
    },
  })
  .input(idParam)
  .output(customerDataExport)
  .query(({ ctx, input }) => exportCustomerData(ctx.tx, input.id));
