-- Trigram search (typo-tolerant, case-insensitive) over customers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Two roles the application switches to inside its transactions (SET LOCAL ROLE):
--   clientele_app  tenant work; every tenant table is filtered by app.organization_id (RLS).
--   clientele_auth identity lookups that happen before a tenant is known (sessions, API keys,
--                  memberships); it has no access at all to customer data.
-- Neither owns a table, can log in or bypass row-level security. Roles are cluster-wide, so
-- they may already exist from another database of the same cluster.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clientele_app') THEN
    CREATE ROLE clientele_app NOLOGIN NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clientele_auth') THEN
    CREATE ROLE clientele_auth NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
-- The login role that runs the application must be allowed to switch to both.
DO $$
BEGIN
  EXECUTE format('GRANT clientele_app, clientele_auth TO %I', current_user);
END
$$;
