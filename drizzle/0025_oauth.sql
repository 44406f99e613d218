ALTER TYPE "public"."actor_type" ADD VALUE 'oauth_app' BEFORE 'system';--> statement-breakpoint
CREATE TABLE "oauth_apps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"logo_url" text,
	"kind" text NOT NULL,
	"confidential" boolean NOT NULL,
	"redirect_uris" text[] DEFAULT '{}'::text[] NOT NULL,
	"scopes" text[] NOT NULL,
	"role" "role",
	"secret_hash" "bytea",
	"secret_rotated_at" timestamp (3) with time zone,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oauth_records" (
	"model" text NOT NULL,
	"id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"grant_id" text,
	"uid" text,
	"account_id" text,
	"client_id" text,
	"expires_at" timestamp (3) with time zone,
	"consumed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oauth_records_model_id_pk" PRIMARY KEY("model","id")
);
--> statement-breakpoint
CREATE TABLE "oauth_signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"sealed_private_jwk" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "audit_logs" ADD COLUMN "app_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD COLUMN "client_name" text;--> statement-breakpoint
ALTER TABLE "oauth_apps" ADD CONSTRAINT "oauth_apps_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_apps" ADD CONSTRAINT "oauth_apps_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "oauth_apps_client_id_unique" ON "oauth_apps" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "oauth_apps_organization_idx" ON "oauth_apps" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "oauth_records_grant_idx" ON "oauth_records" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "oauth_records_uid_idx" ON "oauth_records" USING btree ("uid");--> statement-breakpoint
CREATE INDEX "oauth_records_account_idx" ON "oauth_records" USING btree ("account_id","client_id");--> statement-breakpoint
CREATE INDEX "oauth_records_client_idx" ON "oauth_records" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "oauth_records_expires_idx" ON "oauth_records" USING btree ("expires_at");--> statement-breakpoint
-- The app and the client name join the hashed fields only when set, so every row written before
-- them keeps its hash and the chain still verifies.
CREATE OR REPLACE FUNCTION audit_log_canonical(a audit_logs) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public AS $$
  SELECT (
    jsonb_build_array(
      a.organization_id, a.sequence, a.actor_type, a.actor_id, a.subject_user_id, a.action,
      a.entity_type, a.entity_id, a.ip_address, a.user_agent, a.request_id,
      to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )
    || CASE WHEN a.app_id IS NULL AND a.client_name IS NULL THEN '[]'::jsonb
       ELSE jsonb_build_array(a.app_id, a.client_name) END
  )::text
$$;--> statement-breakpoint
-- Apps are the organization's rows; the authorization server finds an app by its client id
-- before any organization is known, as the identity role (like API keys).
ALTER TABLE oauth_apps ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE oauth_apps FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON oauth_apps TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY identity_access ON oauth_apps TO clientele_auth USING (true) WITH CHECK (true);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON oauth_apps TO clientele_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON oauth_apps TO clientele_auth;--> statement-breakpoint
-- The authorization server's records and keys belong to no organization: only the identity
-- role reads and writes them.
GRANT SELECT, INSERT, UPDATE, DELETE ON oauth_records TO clientele_auth;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON oauth_signing_keys TO clientele_auth;
