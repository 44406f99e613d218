import { z } from 'zod';
import { organizationName, roleSchema } from './auth';
import { organizationSummary } from './common';

/** The person's organizations, with their role in each and which one is active. */
export const myOrganizationsOutput = z.array(
  organizationSummary.extend({ role: roleSchema, active: z.boolean() }),
);

export const createOrganizationInput = z.strictObject({ name: organizationName });
export const renameOrganizationInput = z.strictObject({ name: organizationName });
export const switchOrganizationInput = z.strictObject({ organizationId: z.uuid() });
export const deleteOrganizationInput = z.strictObject({ slug: z.string().min(1, 'is required') });
export const transferOwnershipInput = z.strictObject({ userId: z.uuid() });
