import { sql, type SQL } from 'drizzle-orm';
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
  return db.transaction((tx) =>
    withSettings(
      tx,
      sql`select set_config('role', ${TENANT_ROLE}, true), set_config('app.organization_id', ${organizationId}, true)${readOnly(options)}`,
      () => fn(Object.assign(tx, { organizationId }) as TenantTx),
    ),
  );
}

/** Runs fn in a transaction as the identity role, which cannot see any customer data. */
export async function withIdentity<T>(
  db: Database,
  fn: (tx: IdentityTx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return db.transaction((tx) =>
    withSettings(
      tx,
      sql`select set_config('role', ${IDENTITY_ROLE}, true)${readOnly(options)}`,
      () => fn(Object.assign(tx, { identity: true as const }) as IdentityTx),
    ),
  );
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
