import { z } from 'zod';
import { organizationName, roleSchema } from './auth';
import { organizationSummary } from './common';
import { memberInput } from './members';

/** The person's organizations, with their role in each, which one is active, and sandboxes. */
export const myOrganizationsOutput = z.array(
  organizationSummary.extend({
    role: roleSchema,
    active: z.boolean(),
    /** Set on a sandbox: the live organization it is the twin of. */
    sandboxOfId: z.uuid().nullable(),
  }),
);

/** A new organization's name, or an organization's new name. */
const nameInput = z.strictObject({ name: organizationName });
export const createOrganizationInput = nameInput;
export const renameOrganizationInput = nameInput;
export const switchOrganizationInput = z.strictObject({ organizationId: z.uuid() });
export const deleteOrganizationInput = z.strictObject({ slug: z.string().min(1, 'is required') });
/** The member who becomes owner. */
export const transferOwnershipInput = memberInput;
