import { z } from 'zod';
import { emailAddress } from './customers';
import { ROLES } from './permissions';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/** Any Unicode, never truncated; the length is checked here, before anything is hashed. */
export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** A password being checked (not set): only bounded, so an oversized one is never hashed. */
export const currentPassword = z.string().min(1, 'is required').max(PASSWORD_MAX_LENGTH);

export const personName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'must be at most 100 characters');
export const organizationName = personName;

/** One-time tokens from e-mailed links: 52 base32 characters. */
export const linkToken = z.string().regex(/^[a-z2-7]{52}$/, 'is not a valid link');

export const signUpInput = z.strictObject({
  name: personName,
  email: emailAddress,
  password: newPassword,
  organizationName,
});
export type SignUpInput = z.input<typeof signUpInput>;

export const signInInput = z.strictObject({ email: emailAddress, password: currentPassword });
export type SignInInput = z.input<typeof signInInput>;

export const twoFactorCodeInput = z.union([
  z.strictObject({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be the 6 digits from your app'),
  }),
  z.strictObject({ recoveryCode: z.string().trim().min(10, 'is not a recovery code').max(20) }),
]);

export const passwordResetRequestInput = z.strictObject({ email: emailAddress });
export const passwordResetInput = z.strictObject({ token: linkToken, password: newPassword });
export const emailVerificationInput = z.strictObject({ token: linkToken });

export const changePasswordInput = z.strictObject({
  currentPassword,
  newPassword,
  signOutOtherSessions: z.boolean().default(true),
});
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

export const emailChangeInput = z.strictObject({
  newEmail: emailAddress,
  password: currentPassword,
});
export type EmailChangeInput = z.input<typeof emailChangeInput>;

export const profileInput = z.strictObject({ name: personName });

export const reauthenticationInput = z.strictObject({ password: currentPassword });

export const enableTwoFactorInput = z.strictObject({
  key: z.string().trim().min(16).max(64),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6 digits from your app'),
  password: currentPassword,
});
export type EnableTwoFactorInput = z.input<typeof enableTwoFactorInput>;

export const roleSchema = z.enum(ROLES);

export const organizationSummary = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string() })
  .meta({ id: 'OrganizationSummary' });

export const meOutput = z
  .object({
    user: z
      .object({ id: z.uuid(), email: z.string(), name: z.string(), emailVerified: z.boolean() })
      .nullable(),
    apiKey: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    organization: organizationSummary.nullable(),
    role: roleSchema.nullable(),
    permissions: z.array(z.string()),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meOutput>;
