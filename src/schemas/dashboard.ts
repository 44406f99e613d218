import { z } from 'zod';
import { timestamp, uuid } from './common';
import { customerStatus } from './customers';

const count = z.number().int();

/** Live customers in each status, every status listed. */
export const customersByStatusOutput = z.array(z.object({ status: customerStatus, count }));

/** New customers in each of the last twelve weeks (from Monday, UTC), oldest first. */
export const newCustomersPerWeekOutput = z.array(z.object({ week: timestamp(), count }));

/** Paid revenue in each of the last twelve months (`YYYY-MM`), per currency. */
export const revenuePerMonthOutput = z.array(
  z.object({ month: z.string(), currency: z.string(), totalCents: z.number().int() }),
);

export const topCustomersOutput = z.array(
  z.object({
    customerId: uuid(),
    name: z.string(),
    company: z.string().nullable(),
    currency: z.string(),
    totalCents: z.number().int(),
    orders: z.number().int(),
  }),
);

export const recentActivityOutput = z.array(
  z.object({
    id: uuid(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    actorName: z.string().nullable(),
    createdAt: timestamp(),
  }),
);
