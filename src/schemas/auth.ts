import { z } from 'zod';
import { MAX_NAME_LENGTH, storedName, uuid } from './common';
import { emailAddress, storedEmail } from './customers';
import { PERMISSIONS, ROLES, type Permission } from './permissions';
import { organizationWithTwin } from './sandbox';

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
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`);
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
export const signUpOutput = z.object({ organizationSlug: z.string() });

export const signInInput = z.strictObject({ email: emailAddress, password: currentPassword });
export type SignInInput = z.input<typeof signInInput>;
export const signInOutput = z.object({ twoFactorRequired: z.boolean() });

/** A code from an authenticator app (TOTP). */
export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be the 6 digits from your app');

export const twoFactorCodeInput = z.union([
  z.strictObject({ code: totpCode }),
  z.strictObject({ recoveryCode: z.string().trim().min(10, 'is not a recovery code').max(20) }),
]);

export const passwordResetRequestInput = z.strictObject({ email: emailAddress });
export const passwordResetInput = z.strictObject({ token: linkToken, password: newPassword });
export const emailVerificationInput = z.strictObject({ token: linkToken });
export const emailVerificationOutput = z.object({ email: z.string() });

export const roleSchema = z.enum(ROLES);

export const meOutput = z
  .object({
    user: z
      .object({ id: uuid(), email: storedEmail, name: storedName, emailVerified: z.boolean() })
      .nullable(),
    apiKey: z.object({ id: uuid(), name: storedName }).nullable(),
    organization: organizationWithTwin.nullable(),
    role: roleSchema.nullable(),
    permissions: z
      .array(z.enum(PERMISSIONS as [Permission, ...Permission[]]))
      .max(PERMISSIONS.length),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meOutput>;
