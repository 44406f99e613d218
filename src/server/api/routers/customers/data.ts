import { z } from 'zod';
import { customerCountOutput, customerFilterInput } from '@/schemas/customers';
import { idParam, timestamp } from '@/schemas/common';
import { countCustomers } from '@/server/db/repositories/customers';
import { exportCustomerData } from '@/server/domain/customers/gdpr';
import { organizationProcedure } from '../../trpc';

/** How many live customers match the filters, up to 10,000 (then `capped`). */
export const count = organizationProcedure
  .meta({ permission: 'customers:read' })
  .input(customerFilterInput)
  .output(customerCountOutput)
  .query(({ ctx, input }) => countCustomers(ctx.tx, input));

/** A stored record: field names and their values. */
const record = z.record(z.string().max(100), z.unknown());

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
  .output(
    z.object({
      exportedAt: timestamp(),
      customer: record,
      // Everything held about the person, however much: these lists have no maximum.
      interactions: z.array(record),
      orders: z.array(record),
      auditTrail: z.array(record),
    }),
  )
  .query(({ ctx, input }) => exportCustomerData(ctx.tx, input.id));
