import { existsSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'pino';
import { z } from 'zod';
import { emailAddress } from '@/schemas/customers';
import { newPassword } from '@/schemas/auth';
import { API_KEY_ROLES, ROLES } from '@/schemas/permissions';
import { OAUTH_APP_KINDS, oauthAppInput } from '@/schemas/oauth-apps';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import { assertAcceptablePassword } from '@/server/auth/password-policy';
import type { Env } from '@/env';
import { openConnection, type Connection } from '@/server/db/connection';
import { migrateAsOwner } from '@/server/db/migrate';
import { exportPglite } from '@/server/db/pglite-export';
import { insertAuditLog } from '@/server/db/repositories/audit-logs';
import { findOrganizationBySlug } from '@/server/db/repositories/organizations';
import { findUserByEmail, insertUser, updateUser } from '@/server/db/repositories/users';
import { withIdentity, withTenant } from '@/server/db/tenant';
import { checkpointKeys, parsePublicKey } from '@/server/domain/audit/checkpoint-signature';
import { readCheckpoints, type CheckpointsRead } from '@/server/domain/audit/read-checkpoints';
import { verifyAuditChain } from '@/server/domain/audit/verify-chain';
import { AuditCheckpointWriter } from '@/server/domain/audit/write-checkpoints';
import { issueApiKey } from '@/server/domain/api-keys';
import { auditedApp, registerOAuthApp } from '@/server/domain/oauth/register-app';
import { seedDemoOrganization } from '@/server/domain/demo-seed';
import {
  createOrganizationFor,
  createOrganizationWithOwner,
} from '@/server/domain/organizations/create-organization';
import { addMember } from '@/server/domain/organizations/members';
import { SLUG_PATTERN } from '@/server/domain/slug';
import { AppError } from '@/server/errors';

const CLI_CLIENT = { ipAddress: null, userAgent: 'clientele cli', requestId: null };
const BY_OPERATOR = { type: 'system' } as const;

export const createOrgOptions = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  slug: z.string().regex(SLUG_PATTERN, 'must be 1-40 lowercase letters, digits and dashes'),
  'owner-email': emailAddress,
  'owner-password': newPassword,
  'owner-name': z.string().trim().min(1).max(100).optional(),
});

export const createApiKeyOptions = z.object({
  org: z.string().min(1, 'is required'),
  name: z.string().trim().min(1, 'is required').max(100),
  role: z.enum(API_KEY_ROLES, { error: `must be one of ${API_KEY_ROLES.join(', ')}` }),
});

export const createOAuthClientOptions = z.object({
  org: z.string().min(1, 'is required'),
  name: z.string().trim().min(1, 'is required').max(100),
  grant: z.enum(OAUTH_APP_KINDS, { error: `must be one of ${OAUTH_APP_KINDS.join(', ')}` }),
  'redirect-uri': z.array(z.string()).default([]),
  scopes: z.string().min(1, 'is required'),
  role: z.string().optional(),
});

export const createUserOptions = z.object({
  org: z.string().min(1, 'is required'),
  email: emailAddress,
  password: newPassword,
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
  name: z.string().trim().min(1).max(100).optional(),
});

export const auditVerifyOptions = z.object({
  org: z.string().min(1, 'is required'),
  /** A checkpoint file, a log holding checkpoints, or a directory of either. */
  checkpoints: z.string().min(1).optional(),
  /** The checkpoints' public key; by default the one of this environment's signing key. */
  'public-key': z.string().min(1).optional(),
});

export const exportPgliteOptions = z.object({
  output: z.string({ error: 'is required' }).min(1, 'is required'),
});

/**
 * Writes the embedded database (PGLITE_DIR) as one SQL script to restore on a PostgreSQL
 * server with psql (see pglite-export.ts). Opening the directory takes its lock, so this
 * refuses while the app runs on it. The file appears only once it is complete.
 */
export async function exportPgliteCommand(
  pgliteDir: string,
  options: z.output<typeof exportPgliteOptions>,
) {
  const output = path.resolve(options.output);
  if (pgliteDir.startsWith('memory://')) {
    throw new AppError('BAD_REQUEST', 'PGLITE_DIR is in memory: there is nothing to export');
  }
  const directory = path.resolve(pgliteDir);
  if (!existsSync(path.join(directory, 'PG_VERSION'))) {
    throw new AppError('NOT_FOUND', `No embedded database in ${directory} (PGLITE_DIR)`);
  }
  if (existsSync(output)) {
    throw new AppError('CONFLICT', `${output} exists; remove it or choose another --output`);
  }
  if (!existsSync(path.dirname(output)) || !statSync(path.dirname(output)).isDirectory()) {
    throw new AppError('NOT_FOUND', `The directory of ${output} does not exist`);
  }

  const started = performance.now();
  const connection = await openConnection({ pgliteDir: directory });
  try {
    const exported = await exportPglite(connection.client as PGlite);
    const partial = `${output}.partial`;
    try {
      await writeFile(partial, exported.sql);
      await rename(partial, output);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return {
      output,
      bytes: Buffer.byteLength(exported.sql),
      pgliteDir: directory,
      postgresVersion: exported.serverVersion,
      migrations: exported.migrations,
      roles: exported.roles,
      rows: exported.rows,
      durationMs: Math.round(performance.now() - started),
      restore: `psql -v ON_ERROR_STOP=1 --single-transaction -f '${output.replaceAll("'", "'\\''")}' "$MIGRATION_DATABASE_URL"`,
    };
  } finally {
    await connection.close();
  }
}

/**
 * Recomputes an organization's audit chain; `ok: false` names the first broken row. Given
 * checkpoints, the chain must also hold every row they recorded, and every checkpoint of the
 * organization must be signed by the key.
 */
export async function auditVerifyCommand(
  connection: Connection,
  options: z.output<typeof auditVerifyOptions>,
  config: Pick<Env, 'AUDIT_CHECKPOINT_KEY' | 'ENCRYPTION_KEY'>,
) {
  const organization = await withIdentity(connection.db, (tx) =>
    findOrganizationBySlug(tx, options.org),
  );
  if (!organization)
    throw new AppError('NOT_FOUND', `No organization with the slug "${options.org}"`);
  let read: CheckpointsRead | undefined;
  if (options.checkpoints) {
    const location = path.resolve(options.checkpoints);
    if (!existsSync(location)) throw new AppError('NOT_FOUND', `${location} does not exist`);
    read = await readCheckpoints(location, organization.id, publicKeyFor(options, config));
  }
  const result = await withTenant(
    connection.db,
    organization.id,
    (tx) => verifyAuditChain(tx, read?.checkpoints),
    { readOnly: true },
  );
  if (!read) return { organization: organization.slug, ...result };
  const latest = read.checkpoints.reduce<(typeof read.checkpoints)[number] | null>(
    (last, checkpoint) => (last && last.sequence >= checkpoint.sequence ? last : checkpoint),
    null,
  );
  return {
    organization: organization.slug,
    ...result,
    ok: result.ok && read.invalid.length === 0,
    checkpoints: {
      valid: read.checkpoints.length,
      latest: latest && { sequence: latest.sequence, at: latest.at },
      invalid: read.invalid,
    },
  };
}

function publicKeyFor(
  options: z.output<typeof auditVerifyOptions>,
  config: Pick<Env, 'AUDIT_CHECKPOINT_KEY' | 'ENCRYPTION_KEY'>,
) {
  const given = options['public-key'];
  if (!given) {
    return checkpointKeys({
      checkpointKey: config.AUDIT_CHECKPOINT_KEY,
      encryptionKey: config.ENCRYPTION_KEY,
    }).publicKey;
  }
  try {
    return parsePublicKey(given);
  } catch (error) {
    throw new AppError('BAD_REQUEST', `--public-key ${(error as Error).message}`);
  }
}

/**
 * Writes a signed checkpoint of every organization's audit chain now (the app writes them every
 * five minutes), to AUDIT_CHECKPOINT_DIR and to stderr's log, and says which key signed them.
 */
export async function auditCheckpointCommand(
  connection: Connection,
  config: Pick<Env, 'AUDIT_CHECKPOINT_KEY' | 'AUDIT_CHECKPOINT_DIR' | 'ENCRYPTION_KEY'>,
  logger: Logger,
) {
  const keys = checkpointKeys({
    checkpointKey: config.AUDIT_CHECKPOINT_KEY,
    encryptionKey: config.ENCRYPTION_KEY,
  });
  const writer = new AuditCheckpointWriter(
    { keys, directory: config.AUDIT_CHECKPOINT_DIR },
    logger,
  );
  const written = await writer.write(connection.db);
  return { written: written.length, file: writer.file ?? null, publicKey: keys.publicKeyText };
}

export async function migrateCommand(
  connection: Connection,
  config: Pick<Env, 'MIGRATION_DATABASE_URL'>,
) {
  const result = await migrateAsOwner(connection, config.MIGRATION_DATABASE_URL);
  return { status: 'ok', applied: result.applied, total: result.total };
}

export async function seedCommand(connection: Connection) {
  return seedDemoOrganization(connection.db);
}

/**
 * A new organization with an owner. An existing account can become the owner when the
 * password given matches it; otherwise a new account is made (its address counts as verified:
 * the operator vouches for it).
 */
export async function createOrgCommand(
  connection: Connection,
  options: z.output<typeof createOrgOptions>,
) {
  const email = options['owner-email'];
  const password = options['owner-password'];
  const existing = await withIdentity(connection.db, (tx) => findUserByEmail(tx, email));
  if (
    existing &&
    !(existing.passwordHash && (await verifyPassword(existing.passwordHash, password)))
  ) {
    throw new AppError(
      'CONFLICT',
      `A user with the e-mail ${email} exists and the password does not match it`,
    );
  }
  const passwordHash = existing ? null : await hashPassword(password);

  return withIdentity(connection.db, async (tx) => {
    if (existing) {
      const organization = await createOrganizationFor(
        tx,
        { name: options.name, slug: options.slug, ownerId: existing.id, createdBy: BY_OPERATOR },
        CLI_CLIENT,
      );
      return { organizationId: organization.id, userId: existing.id };
    }
    const created = await createOrganizationWithOwner(
      tx,
      {
        organizationName: options.name,
        slug: options.slug,
        owner: {
          email,
          name: options['owner-name'] ?? email.split('@')[0]!,
          passwordHash: passwordHash!,
          emailVerifiedAt: new Date(),
        },
        createdBy: BY_OPERATOR,
      },
      CLI_CLIENT,
    );
    return { organizationId: created.organization.id, userId: created.userId };
  });
}

export async function createApiKeyCommand(
  connection: Connection,
  options: z.output<typeof createApiKeyOptions>,
) {
  return withIdentity(connection.db, async (tx) => {
    const organization = await findOrganizationBySlug(tx, options.org);
    if (!organization)
      throw new AppError('NOT_FOUND', `No organization with the slug "${options.org}"`);
    const issued = await issueApiKey(tx, {
      organizationId: organization.id,
      name: options.name,
      role: options.role,
      createdById: null,
    });
    await insertAuditLog(tx, {
      organizationId: organization.id,
      actorType: 'system',
      actorId: null,
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: issued.id,
      changes: { after: { name: issued.name, role: issued.role, prefix: issued.prefix } },
      ...CLI_CLIENT,
    });
    return { id: issued.id, key: issued.key };
  });
}

/**
 * Registers an OAuth app (a confidential client), audited as `oauth_app.created` by the system.
 * The secret is printed here only.
 */
export async function createOAuthClientCommand(
  connection: Connection,
  options: z.output<typeof createOAuthClientOptions>,
) {
  const parsed = oauthAppInput.safeParse({
    name: options.name,
    kind: options.grant,
    redirectUris: options['redirect-uri'],
    scopes: options.scopes.split(/\s+/).filter(Boolean),
    role: options.role,
  });
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', z.prettifyError(parsed.error));
  }
  return withIdentity(connection.db, async (tx) => {
    const organization = await findOrganizationBySlug(tx, options.org);
    if (!organization)
      throw new AppError('NOT_FOUND', `No organization with the slug "${options.org}"`);
    const { app, clientSecret } = await registerOAuthApp(tx, organization.id, parsed.data, null);
    await insertAuditLog(tx, {
      organizationId: organization.id,
      actorType: 'system',
      actorId: null,
      action: 'oauth_app.created',
      entityType: 'oauth_app',
      entityId: app.id,
      changes: { after: auditedApp(app) },
      ...CLI_CLIENT,
    });
    return { clientId: app.clientId, clientSecret };
  });
}

/**
 * A verified member of an organization with a role (owner too: the operator holds the database
 * anyway). A new account is made with the password (its address counts as verified: the operator
 * vouches for it); an existing one (the e-mail in any case) keeps its password and joins, and is
 * refused if it is a member already. The membership is audited as `member.added`, by the system.
 */
export async function createUserCommand(
  connection: Connection,
  options: z.output<typeof createUserOptions>,
) {
  const { email, password, role } = options;
  const name = options.name ?? email.split('@')[0]!;
  assertAcceptablePassword(password, { email, name });
  const found = await withIdentity(
    connection.db,
    async (tx) => ({
      organization: await findOrganizationBySlug(tx, options.org),
      user: await findUserByEmail(tx, email),
    }),
    { readOnly: true },
  );
  if (!found.organization)
    throw new AppError('NOT_FOUND', `No organization with the slug "${options.org}"`);
  const organization = found.organization;
  // Hashed before the transaction, which then stays short (as sign-up does).
  let passwordHash = found.user ? null : await hashPassword(password);

  return withIdentity(connection.db, async (tx) => {
    let user = await findUserByEmail(tx, email);
    if (!user) {
      passwordHash ??= await hashPassword(password);
      user = await insertUser(tx, { email, name, passwordHash, emailVerifiedAt: new Date() });
    } else if (!user.emailVerifiedAt) {
      user = await updateUser(tx, user.id, { emailVerifiedAt: new Date() });
    }
    await addMember(
      tx,
      {
        organizationId: organization.id,
        user: { id: user.id, email: user.email },
        role,
        action: 'member.added',
        addedBy: BY_OPERATOR,
        alreadyMember: `${user.email} is already a member of "${organization.slug}"`,
      },
      CLI_CLIENT,
    );
    return { userId: user.id };
  });
}
