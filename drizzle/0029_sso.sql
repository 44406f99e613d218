CREATE TABLE "sso_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"sealed_client_secret" text NOT NULL,
	"allowed_domains" text[] NOT NULL,
	"default_role" "role" NOT NULL,
	"sso_only" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_connections_default_role_not_owner" CHECK ("sso_connections"."default_role" <> 'owner'),
	CONSTRAINT "sso_connections_has_domains" CHECK (cardinality("sso_connections"."allowed_domains") >= 1)
);
--> statement-breakpoint
CREATE TABLE "sso_sign_in_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_hash" "bytea" NOT NULL,
	"connection_id" uuid NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"next_path" text,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "sso_connection_id" uuid;--> statement-breakpoint
ALTER TABLE "sso_connections" ADD CONSTRAINT "sso_connections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_sign_in_attempts" ADD CONSTRAINT "sso_sign_in_attempts_connection_id_sso_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."sso_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sso_connections_organization_unique" ON "sso_connections" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "sso_connections_domains_idx" ON "sso_connections" USING gin ("allowed_domains");--> statement-breakpoint
CREATE UNIQUE INDEX "sso_sign_in_attempts_state_hash_unique" ON "sso_sign_in_attempts" USING btree ("state_hash");--> statement-breakpoint
CREATE INDEX "sso_sign_in_attempts_expires_idx" ON "sso_sign_in_attempts" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_sso_connection_id_sso_connections_id_fk" FOREIGN KEY ("sso_connection_id") REFERENCES "public"."sso_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Connections are the organization's rows; a sign-in finds one by e-mail domain or slug before
-- any organization is known, as the identity role (like OAuth apps).
ALTER TABLE sso_connections ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE sso_connections FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON sso_connections TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY identity_access ON sso_connections TO clientele_auth USING (true) WITH CHECK (true);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sso_connections TO clientele_app;--> statement-breakpoint
GRANT SELECT ON sso_connections TO clientele_auth;--> statement-breakpoint
-- Sign-in attempts belong to no organization yet: only the identity role reads and writes them.
GRANT SELECT, INSERT, DELETE ON sso_sign_in_attempts TO clientele_auth;--> statement-breakpoint
-- The session lookup also says which organization's SSO opened the session, and whether the
-- active organization accepts only SSO sessions (new columns go last, as CREATE OR REPLACE
-- VIEW requires).
SET LOCAL ROLE clientele_auth;--> statement-breakpoint
CREATE OR REPLACE VIEW clientele_identity.session_principals AS
  SELECT s.id, s.secret_hash, s.user_id, s.two_factor_verified, s.reauthenticated_at,
         s.last_seen_at, s.expires_at, s.absolute_expires_at,
         u.email AS user_email, u.name AS user_name, u.email_verified_at AS user_email_verified_at,
         u.two_factor_enabled_at AS user_two_factor_enabled_at,
         o.id AS organization_id, o.name AS organization_name, o.slug AS organization_slug,
         m.role AS organization_role,
         sc.organization_id AS sso_organization_id,
         coalesce(ac.sso_only, false) AS organization_sso_only
  FROM public.sessions s
  JOIN public.users u ON u.id = s.user_id
  LEFT JOIN public.memberships m
    ON m.user_id = s.user_id AND m.organization_id = s.active_organization_id
  LEFT JOIN public.organizations o ON o.id = m.organization_id
  LEFT JOIN public.sso_connections sc ON sc.id = s.sso_connection_id
  LEFT JOIN public.sso_connections ac ON ac.organization_id = o.id;--> statement-breakpoint
RESET ROLE;
