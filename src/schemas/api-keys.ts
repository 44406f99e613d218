import { z } from 'zod';
import { roleSchema } from './auth';
import { timestamp, uuid } from './common';
import { API_KEY_ROLES } from './permissions';

/** How a sandbox's API keys start (a live key starts `clt_`, never this). */
export const TEST_API_KEY_PREFIX = 'clt_test_';

/** Whether a key, or the prefix shown of it, is a sandbox's. */
export const isTestApiKey = (keyOrPrefix: string) => keyOrPrefix.startsWith(TEST_API_KEY_PREFIX);

export const apiKeyListOutput = z.array(
  z.object({
    id: uuid(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string(),
    createdAt: timestamp(),
    createdBy: z.string().nullable(),
    lastUsedAt: timestamp().nullable(),
    expiresAt: timestamp().nullable(),
    revokedAt: timestamp().nullable(),
  }),
);

const apiKeyRole = z.enum(API_KEY_ROLES, { error: 'must be a role below owner' });
export const createApiKeyInput = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100),
  role: apiKeyRole.default('member'),
  expiresAt: z.coerce.date().nullable().optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

/** A new key: `key` is shown this once, only its hash is stored. */
export const createdApiKeyOutput = z.object({
  id: uuid(),
  key: z.string(),
  prefix: z.string(),
  name: z.string(),
  role: roleSchema,
  expiresAt: timestamp().nullable(),
});
