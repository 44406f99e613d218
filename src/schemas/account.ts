import { z } from 'zod';
import { currentPassword, newPassword, personName, totpCode } from './auth';
import { timestamp, uuid } from './common';
import { emailAddress } from './customers';

export const profileOutput = z.object({
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});

export const profileInput = z.strictObject({ name: personName });
export const profileUpdateOutput = z.object({ name: z.string() });

export const changePasswordInput = z.strictObject({
  currentPassword,
  newPassword,
  signOutOtherSessions: z.boolean().default(true),
});
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

/** How many sessions a password change or a sign-out everywhere ended. */
export const sessionsEndedOutput = z.object({ sessionsEnded: z.number().int() });

export const emailChangeInput = z.strictObject({
  newEmail: emailAddress,
  password: currentPassword,
});
export type EmailChangeInput = z.input<typeof emailChangeInput>;

export const reauthenticationInput = z.strictObject({ password: currentPassword });

export const twoFactorKeyOutput = z.object({ key: z.string(), uri: z.string() });

export const enableTwoFactorInput = z.strictObject({
  key: z.string().trim().min(16).max(64),
  code: totpCode,
  password: currentPassword,
});
export type EnableTwoFactorInput = z.input<typeof enableTwoFactorInput>;

export const recoveryCodesOutput = z.object({ recoveryCodes: z.array(z.string()) });

export const sessionListOutput = z.array(
  z.object({
    id: z.string(),
    device: z.string(),
    ipAddress: z.string().nullable(),
    createdAt: timestamp(),
    lastSeenAt: timestamp(),
    current: z.boolean(),
  }),
);

export const sessionRevokeInput = z.strictObject({ sessionId: z.string().min(1).max(100) });
export const sessionRevokeOutput = z.object({ signedOut: z.boolean() });

/** The person's own security events: sign-ins, password and two-factor changes. */
export const securityActivityOutput = z.array(
  z.object({
    id: uuid(),
    action: z.string(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: timestamp(),
  }),
);
