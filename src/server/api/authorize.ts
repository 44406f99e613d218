import type { EventType } from '@/schemas/events';
import { can, type Permission } from '@/schemas/permissions';
import {
  appendAuditLog,
  insertAuditLog,
  type AuditEntry,
} from '@/server/db/repositories/audit-logs';
import { withTenant } from '@/server/db/tenant';
import type { Database, TenantTx } from '@/server/db/types';
import { notifyOf } from '@/server/domain/notifications/sources';
import { auditAndPublish, type PublishedEvent } from '@/server/domain/webhooks/publish';
import { AppError } from '@/server/errors';
import { ssoSignInPath } from '@/schemas/sso';
import type { Context, OrganizationAccess, Principal } from './context';

/*
 * The one path from a caller to their organization's data, whatever the door: principal, then
 * permission, then a tenant transaction, audited as that caller. Organization procedures take it
 * step by step through the middleware in trpc.ts; the doors outside tRPC (CSV exports) call the
 * same functions.
 */

/** A known caller, fully signed in: a session that still owes its second factor is not. */
export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new AppError('UNAUTHORIZED', 'Sign in or provide an API key');
  if (principal.kind === 'user' && principal.twoFactorPending) {
    throw new AppError('UNAUTHORIZED', 'Finish signing in with your second factor');
  }
  return principal;
}

/** Who an audit row says acted, and the OAuth app they acted through. */
export type Actor =
  | { actorType: 'user'; actorId: string; appId?: string }
  | { actorType: 'api_key'; actorId: string }
  | { actorType: 'oauth_app'; actorId: string; appId: string };

/** A caller allowed a permission: the organization they hold it in, and who they act as. */
export interface Authorization {
  organization: OrganizationAccess;
  actor: Actor;
}

/** The caller (as requirePrincipal), then the permission against their role in their organization. */
export function authorize(principal: Principal | null, permission: Permission): Authorization {
  const caller = requirePrincipal(principal);
  const organization = caller.organization;
  if (!organization) throw new AppError('FORBIDDEN', 'Choose an organization first');
  const refusal = caller.kind === 'user' ? sessionRefusalIn(caller, organization) : undefined;
  if (refusal) throw refusal;
  if (!can(organization.role, permission)) {
    throw new AppError('FORBIDDEN', `The ${organization.role} role does not allow ${permission}`);
  }
  if (caller.kind === 'oauth' && !caller.scopes.includes(permission)) {
    throw new AppError('FORBIDDEN', `This token was not granted ${permission}`);
  }
  return { organization, actor: actorOf(caller) };
}

/**
 * Why a session may not act in an organization, if it may not. A session opened through an
 * organization's SSO works in that organization only: its provider vouches for nobody
 * elsewhere. An organization that accepts only SSO refuses other sessions, except its owners',
 * so a broken provider cannot lock it out. API keys and OAuth tokens are the organization's own
 * grants and are not sessions.
 */
export function sessionRefusalIn(
  session: Extract<Principal, { kind: 'user' }>,
  organization: OrganizationAccess,
): AppError | undefined {
  const viaSso = session.ssoOrganizationId;
  if (viaSso && viaSso !== organization.id) {
    return new AppError(
      'FORBIDDEN',
      `This session came through another organization's single sign-on; sign in again to work in ${organization.name}`,
    );
  }
  if (session.organizationSsoOnly && !viaSso && organization.role !== 'owner') {
    const signInUrl = ssoSignInPath(organization.slug);
    return new AppError(
      'FORBIDDEN',
      `${organization.name} requires single sign-on: sign in at ${signInUrl}`,
      { reason: 'SSO_REQUIRED', signInUrl },
    );
  }
  return undefined;
}

function actorOf(caller: Principal): Actor {
  switch (caller.kind) {
    case 'user':
      return { actorType: 'user', actorId: caller.userId };
    case 'apiKey':
      return { actorType: 'api_key', actorId: caller.apiKeyId };
    case 'oauth':
      return caller.userId
        ? { actorType: 'user', actorId: caller.userId, appId: caller.appId }
        : { actorType: 'oauth_app', actorId: caller.appId, appId: caller.appId };
  }
}

export type AuditInput = Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'changes'> & {
  /** 'account': kept outside the organization's trail (used when the organization is deleted). */
  scope?: 'organization' | 'account';
} & (
    | { publish?: undefined }
    | {
        action: EventType;
        /** Also publish the public event of this name (webhooks, change feed) with this data. */
        publish: Omit<PublishedEvent, 'type' | 'auditLogId'>;
      }
  );

/**
 * Writes one audit row by the authorized caller, in their tenant transaction; returns its id
 * (none for account-scoped rows).
 */
export type Audit = (input: AuditInput) => Promise<string | undefined>;

/**
 * The audit row of a change by the caller, in an organization's trail, or (organizationId null)
 * kept at account level as the caller's own event.
 */
export function auditRowOf(
  ctx: Pick<Context, 'request'>,
  actor: Actor,
  organizationId: string | null,
  entry: Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'changes'>,
): AuditEntry {
  return {
    ...entry,
    ...actor,
    organizationId,
    subjectUserId: organizationId === null ? actor.actorId : null,
    ipAddress: ctx.request.ipAddress,
    userAgent: ctx.request.userAgent,
    requestId: ctx.request.requestId,
    clientName: ctx.request.clientName ?? null,
  };
}

/**
 * Work in the authorized caller's organization: one tenant transaction on `db` (the primary, or
 * a replica for reads), with `audit` writing the caller's audit rows in that same transaction, so
 * a row never outlives a change that rolled back.
 */
export function inOrganization<T>(
  ctx: Pick<Context, 'services' | 'request'>,
  { organization, actor }: Authorization,
  options: { db: Database; readOnly: boolean },
  work: (tx: TenantTx, audit: Audit) => Promise<T>,
): Promise<T> {
  return withTenant(
    options.db,
    organization.id,
    (tx) =>
      work(tx, async ({ scope = 'organization', publish, ...entry }) => {
        const row = auditRowOf(ctx, actor, scope === 'account' ? null : organization.id, entry);
        if (!publish) {
          if (scope === 'account') return void (await insertAuditLog(tx, row));
          return appendAuditLog(tx, row);
        }
        const type = entry.action as EventType;
        const auditLogId = await auditAndPublish(tx, ctx.services.jobs, row, { ...publish, type });
        await notifyOf(
          tx,
          ctx.services.jobs,
          { ...entry, action: type, data: publish.data },
          actor,
        );
        return auditLogId;
      }),
    { readOnly: options.readOnly },
  );
}
