import { z } from 'zod';
import { organizationName, roleSchema } from './auth';
import { organizationSummary } from './common';
import { API_KEY_ROLES, ROLES } from './permissions';

/** The person's organizations, with their role in each and which one is active. */
export const myOrganizationsOutput = z.array(
  organizationSummary.extend({ role: roleSchema, active: z.boolean() }),
);

export const createOrganizationInput = z.strictObject({ name: organizationName });
export const renameOrganizationInput = z.strictObject({ name: organizationName });
export const switchOrganizationInput = z.strictObject({ organizationId: z.uuid() });
export const deleteOrganizationInput = z.strictObject({ slug: z.string().min(1, 'is required') });
export const transferOwnershipInput = z.strictObject({ userId: z.uuid() });

export const apiKeyRole = z.enum(API_KEY_ROLES, { error: 'must be a role below owner' });
export const createApiKeyInput = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100),
  role: apiKeyRole.default('member'),
  expiresAt: z.coerce.date().nullable().optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;
export const apiKeyIdInput = z.strictObject({ id: z.uuid() });

export { ROLES };
