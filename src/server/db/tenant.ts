import { sql, type SQL } from 'drizzle-orm';
import { rows } from './rows';
import type { Database, IdentityTx, TenantTx, Transaction } from './types';

export const TENANT_ROLE = 'clientele_app';
export const IDENTITY_ROLE = 'clientele_auth';

interface TransactionOptions {
  readOnly?: boolean;
  /** Background work (imports) may run longer than DATABASE_STATEMENT_TIMEOUT_MS allows requests. */
  withoutStatementTimeout?: boolean;
}

/**
 * Runs fn in a transaction as the tenant role with app.organization_id set, so row-level
 * security confines every statement to that organization. Both settings are transaction-local:
 * they end with the transaction, so a pooled connection never carries a tenant over.
 */
export async function withTenant<T>(
  db: Database,
  organizationId: string,
  fn: (tx: TenantTx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return inTransaction(
    db,
    sql`select set_config('role', ${TENANT_ROLE}, true), set_config('app.organization_id', ${organizationId}, true)${readOnly(options)}`,
    options,
    (tx) => fn(Object.assign(tx, { organizationId }) as TenantTx),
  );
}

/** Runs fn in a transaction as the identity role, which cannot see any customer data. */
export async function withIdentity<T>(
  db: Database,
  fn: (tx: IdentityTx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return inTransaction(
    db,
    sql`select set_config('role', ${IDENTITY_ROLE}, true)${readOnly(options)}`,
    options,
    (tx) => fn(Object.assign(tx, { identity: true as const }) as IdentityTx),
  );
}

/** Access changes a committed transaction made: each one's announcement, or all of them. */
export type CommittedAccessChanges = string[] | 'all';

const accessCommitListeners = new Set<(changes: CommittedAccessChanges) => void>();

/**
 * Calls listener with the access changes of each transaction this process commits through
 * withTenant or withIdentity, as the commit completes, until the returned function is called.
 * Every instance hears them later through NOTIFY; the committing one cannot wait for that, since
 * the request it answers next may carry the credential just revoked.
 */
export function onAccessCommitted(listener: (changes: CommittedAccessChanges) => void) {
  accessCommitListeners.add(listener);
  return () => void accessCommitListeners.delete(listener);
}

/**
 * Runs fn in a transaction with the settings in force and, unless it is read-only, reads the
 * access changes its triggers noted (migration 0035) in the statement just before COMMIT, which
 * travels with it; listeners hear them once the commit has completed, not before, so that a
 * credential looked up again after they drop it reads the committed row.
 */
async function inTransaction<T>(
  db: Database,
  settings: SQL,
  options: TransactionOptions,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const { result, noted } = await db.transaction(async (tx) => {
    const result = await withSettings(tx, settings, () => fn(tx));
    // Not awaited here: awaiting would cost a round trip before COMMIT is sent.
    const noted = options.readOnly
      ? undefined
      : tx
          .execute(sql`select current_setting('app.access_changes', true) as changes`)
          .then((answer) => rows<{ changes: string | null }>(answer)[0]?.changes ?? '');
    // Awaited below, unless the commit fails first: the commit's error is the one to report.
    noted?.catch(() => {});
    return { result, noted };
  });
  // A failed read aborted the transaction, which COMMIT then silently rolled back.
  const changes = await noted;
  if (changes) {
    const committed = changes === 'all' ? 'all' : changes.split('\n').filter(Boolean);
    for (const listener of accessCommitListeners) listener(committed);
  }
  return result;
}

/**
 * Runs `settings` and then fn's statements, without waiting for the settings' answer before
 * sending fn's first statement: a transaction's statements run in the order they are issued, so
 * the role and tenant are in force for every one of fn's, and the settings travel with fn's first
 * statement instead of taking a round trip of their own.
 */
async function withSettings<T>(tx: Transaction, settings: SQL, fn: () => Promise<T>): Promise<T> {
  // then() starts the query builder's statement now, so it is issued before fn's first one.
  const applied = tx.execute(settings).then(() => undefined);
  const [, result] = await Promise.all([applied, fn()]);
  return result;
}

/**
 * SET TRANSACTION READ ONLY as one more setting in the statement that sets the role, which
 * saves a statement and its round trip per transaction.
 */
function readOnly(options: TransactionOptions) {
  return sql`${options.readOnly ? sql`, set_config('transaction_read_only', 'on', true)` : sql``}${
    options.withoutStatementTimeout ? sql`, set_config('statement_timeout', '0', true)` : sql``
  }`;
}

export type { Transaction };
