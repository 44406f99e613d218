-- The application may run as a login of its own (DATABASE_URL) that owns nothing, while another
-- login (MIGRATION_DATABASE_URL) owns the tables and migrates, so that the login serving requests
-- cannot truncate, delete or rewrite the audit trail. Besides the roles it switches to per
-- transaction, that runtime login does two things as itself, held by clientele_jobs: it works
-- the job queue (pg-boss's tables, granted when migrating, once pg-boss has made them) and it
-- reads which migrations ran (MIGRATE_AT_START=false checks that none is pending).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clientele_jobs') THEN
    CREATE ROLE clientele_jobs NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA drizzle TO clientele_jobs;--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO clientele_jobs;--> statement-breakpoint

-- Signed checkpoints of the audit chains are written outside the database by the upkeep job,
-- as clientele_maintenance: it reads every chain's head, never the rows.
GRANT SELECT ON audit_chain_heads TO clientele_maintenance;
