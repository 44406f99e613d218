import { z } from 'zod';
import { linkToken, newPassword, personName, roleSchema } from './auth';
import { organizationSummary, timestamp, uuid } from './common';
import { emailAddress } from './customers';

/** The invitations not yet accepted, revoked or expired. */
export const invitationListOutput = z.array(
  z.object({
    id: uuid(),
    email: z.string(),
    role: roleSchema,
    expiresAt: timestamp(),
    createdAt: timestamp(),
    invitedBy: z.string().nullable(),
  }),
);

export const inviteInput = z.strictObject({
  email: emailAddress,
  role: roleSchema.default('member'),
});
export type InviteInput = z.input<typeof inviteInput>;
export const invitationOutput = z.object({
  id: uuid(),
  email: z.string(),
  role: roleSchema,
  expiresAt: timestamp(),
});

export const resentInvitationOutput = z.object({
  id: uuid(),
  email: z.string(),
  expiresAt: timestamp(),
});

export const invitationTokenInput = z.strictObject({ token: linkToken });

/** What an invitation link is for; null when it no longer works. */
export const invitationPreviewOutput = z
  .object({
    organizationName: z.string(),
    email: z.string(),
    role: roleSchema,
    expiresAt: timestamp(),
    hasAccount: z.boolean(),
  })
  .nullable();

export const acceptWithSignUpInput = z.strictObject({
  token: linkToken,
  name: personName,
  password: newPassword,
});
export type AcceptWithSignUpInput = z.input<typeof acceptWithSignUpInput>;

/** The organization an accepted invitation joined. */
export const joinedOrganizationOutput = z.object({ organization: organizationSummary });
