import { sql } from 'drizzle-orm';
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
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${TENANT_ROLE}, true), set_config('app.organization_id', ${organizationId}, true)${readOnly(options)}`,
    );
    return fn(Object.assign(tx, { organizationId }) as TenantTx);
  });
}

/** Runs fn in a transaction as the identity role, which cannot see any customer data. */
export async function withIdentity<T>(
  db: Database,
  fn: (tx: IdentityTx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${IDENTITY_ROLE}, true)${readOnly(options)}`);
    return fn(Object.assign(tx, { identity: true as const }) as IdentityTx);
  });
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
