import { and, desc, eq, gt, gte, inArray, isNull, lt, max, ne, sql, type SQL } from 'drizzle-orm';
import {
  apiKeys,
  auditChainHeads,
  auditLogs,
  oauthApps,
  users,
  type AuditChanges,
} from '../schema';
import { rows } from '../rows';
import { decodeCursor, pageOf } from './cursor';
import type { ActorType, AuditListParams } from '@/schemas/audit';
import type { IdentityTx, TenantTx, Transaction } from '../types';

export interface AuditEntry {
  /** Given by the writer when other statements refer to the row before it is inserted. */
  id?: string;
  /** Null for account-level security events, which belong to no organization. */
  organizationId: string | null;
  subjectUserId?: string | null;
  actorType: ActorType;
  actorId: string | null;
  appId?: string | null;
  clientName?: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes?: AuditChanges;
  ipAddress?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

/** Appends one audit row in the caller's transaction, so it commits or rolls back with the change. */
export async function insertAuditLog(tx: TenantTx | IdentityTx, entry: AuditEntry) {
  await tx.insert(auditLogs).values({ ...entry, changes: entry.changes ?? {} });
}

/**
 * insertAuditLog for an organization's trail, returning the row's id. Its place in the chain is
 * given when the transaction commits (trigger audit_logs_link), so it is not known before.
 */
export async function appendAuditLog(tx: TenantTx, entry: AuditEntry): Promise<string> {
  const [row] = await tx
    .insert(auditLogs)
    .values({ ...entry, changes: entry.changes ?? {} })
    .returning({ id: auditLogs.id });
  return row!.id;
}

/** A person's own account-level security events, newest first (identity role). */
export async function listAccountEvents(tx: IdentityTx, userId: string, limit = 50) {
  return tx
    .select({
      id: auditLogs.id,
      action: auditLogs.action,
      ipAddress: auditLogs.ipAddress,
      userAgent: auditLogs.userAgent,
      createdAt: auditLogs.createdAt,
    })
    .from(auditLogs)
    .where(and(isNull(auditLogs.organizationId), eq(auditLogs.subjectUserId, userId)))
    .orderBy(desc(auditLogs.createdAt))
    .limit(limit);
}

/** Who did what to which entity, and where in the chain: what a change event tells. */
const changeColumns = {
  sequence: auditLogs.sequence,
  action: auditLogs.action,
  entityType: auditLogs.entityType,
  entityId: auditLogs.entityId,
  actorType: auditLogs.actorType,
  actorId: auditLogs.actorId,
};

const LATEST_FIRST = { sort: 'sequence', order: 'desc' } as const;

/** The name of an OAuth app (a person acted through it, or it acted itself). */
const appNamed = (appId: typeof auditLogs.appId | typeof auditLogs.actorId) =>
  sql`(select ${oauthApps.name} from ${oauthApps} where ${oauthApps.id} = ${appId})`;

/** What a listed audit entry shows: the change, who made it (by name) and from where. */
export const auditEntryColumns = {
  id: auditLogs.id,
  ...changeColumns,
  actorName: sql<
    string | null
  >`coalesce(${users.name}, ${apiKeys.name}, ${appNamed(auditLogs.actorId)})`,
  appId: auditLogs.appId,
  appName: sql<string | null>`${appNamed(auditLogs.appId)}`,
  clientName: auditLogs.clientName,
  changes: auditLogs.changes,
  ipAddress: auditLogs.ipAddress,
  userAgent: auditLogs.userAgent,
  requestId: auditLogs.requestId,
  createdAt: auditLogs.createdAt,
};

/** The joins `auditEntryColumns` names the actor through. */
export const auditActorJoins = {
  user: and(eq(auditLogs.actorType, 'user'), eq(users.id, auditLogs.actorId)),
  apiKey: and(eq(auditLogs.actorType, 'api_key'), eq(apiKeys.id, auditLogs.actorId)),
};

/** The entries after a page's cursor, newest first; nothing to add for the first page. */
export const auditEntriesAfter = (cursor: string | undefined): SQL[] =>
  cursor ? [lt(auditLogs.sequence, Number(decodeCursor(cursor, LATEST_FIRST).value))] : [];

/** A page of entries read newest first with one more than `limit`, and its next cursor. */
export function auditEntryPage<T extends { id: string; sequence: number | null }>(
  rows: T[],
  limit: number,
) {
  const chained = rows.map((row): Omit<T, 'sequence'> & { sequence: number } => ({
    ...row,
    sequence: row.sequence ?? 0,
  }));
  return pageOf(chained, limit, LATEST_FIRST, (row) => row.sequence);
}

/**
 * An organization's trail, newest first, filtered (`actions`: any of several, for callers that
 * want an entity's rows of a few kinds); keyset on the chain sequence.
 */
export async function listAuditLogs(
  tx: TenantTx,
  params: AuditListParams & { actions?: readonly string[] },
) {
  const where: SQL[] = [
    eq(auditLogs.organizationId, tx.organizationId),
    ...auditEntriesAfter(params.cursor),
  ];
  if (params.entityType) where.push(eq(auditLogs.entityType, params.entityType));
  if (params.entityId) where.push(eq(auditLogs.entityId, params.entityId));
  if (params.actorId) where.push(eq(auditLogs.actorId, params.actorId));
  if (params.action) where.push(eq(auditLogs.action, params.action));
  if (params.actions) where.push(inArray(auditLogs.action, [...params.actions]));
  if (params.from) where.push(gte(auditLogs.createdAt, params.from));
  if (params.to) where.push(lt(auditLogs.createdAt, params.to));
  const rows = await tx
    .select(auditEntryColumns)
    .from(auditLogs)
    .leftJoin(users, auditActorJoins.user)
    .leftJoin(apiKeys, auditActorJoins.apiKey)
    .where(and(...where))
    .orderBy(desc(auditLogs.sequence))
    .limit(params.limit + 1);
  return auditEntryPage(rows, params.limit);
}

export interface ChainRow {
  id: string;
  sequence: number;
  previousHash: Uint8Array;
  changesHash: Uint8Array;
  hash: Uint8Array;
  erased: boolean;
  canonical: string;
  changesText: string;
}

/** The organization's chain in order, `batch` rows after `afterSequence`, as the database hashes it. */
export async function chainRows(
  tx: TenantTx,
  afterSequence: number,
  batch: number,
): Promise<ChainRow[]> {
  const result = await tx.execute(sql`
    select a.id, a.sequence, a.previous_hash, a.changes_hash, a.hash, a.erased_at is not null as erased,
           audit_log_canonical(a) as canonical, a.changes::text as changes_text
    from audit_logs a
    where a.organization_id = ${tx.organizationId} and a.sequence > ${afterSequence}
    order by a.sequence
    limit ${batch}`);
  return rows<Record<string, unknown>>(result).map((row) => ({
    id: String(row.id),
    sequence: Number(row.sequence),
    previousHash: new Uint8Array(row.previous_hash as Uint8Array),
    changesHash: new Uint8Array(row.changes_hash as Uint8Array),
    hash: new Uint8Array(row.hash as Uint8Array),
    erased: Boolean(row.erased),
    canonical: String(row.canonical),
    changesText: String(row.changes_text),
  }));
}

export async function chainHead(
  tx: TenantTx,
): Promise<{ lastSequence: number; lastHash: Uint8Array } | undefined> {
  const [row] = rows<{ last_sequence: string | number; last_hash: Uint8Array }>(
    await tx.execute(sql`select last_sequence, last_hash from audit_chain_head()`),
  );
  return row
    ? { lastSequence: Number(row.last_sequence), lastHash: new Uint8Array(row.last_hash) }
    : undefined;
}

/** The key of the account-level chain (events that belong to no organization). */
const ACCOUNT_CHAIN = '00000000-0000-0000-0000-000000000000';

/**
 * The head of every organization's chain that has rows, in a transaction running as
 * clientele_maintenance, which may read the heads and nothing of the rows.
 */
export async function organizationChainHeads(tx: Transaction) {
  return tx
    .select({
      organizationId: auditChainHeads.chainKey,
      sequence: auditChainHeads.lastSequence,
      hash: auditChainHeads.lastHash,
    })
    .from(auditChainHeads)
    .where(and(ne(auditChainHeads.chainKey, ACCOUNT_CHAIN), gt(auditChainHeads.lastSequence, 0)))
    .orderBy(auditChainHeads.chainKey);
}

/** Replaces the recorded changes about these entities with a tombstone (GDPR erasure). */
export async function eraseAuditEntries(tx: TenantTx, entityIds: string[]): Promise<number> {
  if (entityIds.length === 0) return 0;
  const [row] = rows<{ erased: number }>(
    await tx.execute(
      sql`select erase_audit_personal_data(${`{${entityIds.join(',')}}`}::uuid[]) as erased`,
    ),
  );
  return row?.erased ?? 0;
}

/** Every entry about these entities, oldest first (GDPR export). */
export async function auditEntriesAbout(tx: TenantTx, entityIds: string[]) {
  if (entityIds.length === 0) return [];
  return tx
    .select({ ...changeColumns, changes: auditLogs.changes, createdAt: auditLogs.createdAt })
    .from(auditLogs)
    .where(
      and(eq(auditLogs.organizationId, tx.organizationId), inArray(auditLogs.entityId, entityIds)),
    )
    .orderBy(auditLogs.sequence);
}

/** The organization's changes after a sequence, as change events (replay for resuming streams). */
export async function changeEventsAfter(tx: TenantTx, sequence: number, limit: number) {
  return tx
    .select({ ...changeColumns, createdAt: auditLogs.createdAt })
    .from(auditLogs)
    .where(and(eq(auditLogs.organizationId, tx.organizationId), gt(auditLogs.sequence, sequence)))
    .orderBy(auditLogs.sequence)
    .limit(limit);
}

/** The sequence of the organization's latest audit row (0 before the first). */
export async function latestChangeSequence(tx: TenantTx): Promise<number> {
  const [row] = await tx
    .select({ sequence: max(auditLogs.sequence) })
    .from(auditLogs)
    .where(eq(auditLogs.organizationId, tx.organizationId));
  return row?.sequence ?? 0;
}

/** Many audit rows in one statement (each still chained by the trigger, in order). */
export async function insertAuditLogs(tx: TenantTx, entries: AuditEntry[]) {
  if (entries.length === 0) return;
  await tx
    .insert(auditLogs)
    .values(entries.map((entry) => ({ ...entry, changes: entry.changes ?? {} })));
}
