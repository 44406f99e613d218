import { sql } from 'drizzle-orm';
import type { Connection } from './connection';
import { rows } from './rows';

interface TableRights {
  table: string;
  owns: boolean;
  owns_schema: boolean;
  truncate: boolean;
  delete: boolean;
  update: boolean;
}

interface LoginRights {
  superuser: boolean;
  bypass_rls: boolean;
  grants_itself_roles: boolean;
}

/**
 * What lets the login this connection runs as alter the audit trail (audit_logs and the chain
 * heads), counting every role it may act as (its own, those it inherits and those it may SET
 * ROLE to): owning a table or the schema holding it (which may drop it), TRUNCATE, DELETE or
 * UPDATE (of any column) on one, being a superuser, bypassing row-level security, or, before
 * PostgreSQL 16, CREATEROLE (which may grant itself the owner's role). Empty when nothing does.
 */
export async function auditTrailExposure(connection: Connection): Promise<string[]> {
  const [login] = rows<LoginRights>(
    await connection.db.execute(sql`
      select rolsuper as superuser, rolbypassrls as bypass_rls,
             rolcreaterole and current_setting('server_version_num')::int < 160000
               as grants_itself_roles
      from pg_roles where rolname = session_user`),
  );
  const tables = rows<TableRights>(
    await connection.db.execute(sql`
      with acting as (
        select oid from pg_roles where pg_has_role(session_user, oid, 'MEMBER')
      )
      select c.relname as table,
             bool_or(a.oid = c.relowner) as owns,
             bool_or(a.oid = n.nspowner) as owns_schema,
             bool_or(has_table_privilege(a.oid, c.oid, 'TRUNCATE')) as truncate,
             bool_or(has_table_privilege(a.oid, c.oid, 'DELETE')) as delete,
             bool_or(has_any_column_privilege(a.oid, c.oid, 'UPDATE')) as update
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      cross join acting a
      where c.oid in (to_regclass('public.audit_logs'), to_regclass('public.audit_chain_heads'))
      group by c.relname
      order by c.relname`),
  );
  const reasons: string[] = [];
  if (login?.superuser) reasons.push('it is a superuser');
  if (login?.bypass_rls) reasons.push('it bypasses row-level security');
  if (login?.grants_itself_roles) {
    reasons.push('it has CREATEROLE, so it may make itself a member of the owner');
  }
  for (const table of tables) {
    if (table.owns) reasons.push(`it owns ${table.table}`);
    else if (table.owns_schema)
      reasons.push(`it owns the schema of ${table.table}, so it may drop it`);
    const rights = (['truncate', 'delete', 'update'] as const).filter((right) => table[right]);
    if (!table.owns && rights.length > 0) {
      reasons.push(
        `it may ${rights.map((right) => right.toUpperCase()).join(', ')} ${table.table}`,
      );
    }
  }
  return reasons;
}
