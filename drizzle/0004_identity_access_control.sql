-- Recovery codes are credentials: only the identity role touches them.
GRANT SELECT, INSERT, UPDATE, DELETE ON two_factor_recovery_codes TO clientele_auth;--> statement-breakpoint

-- Account-level security events carry no organization. The tenant policy never matches a NULL
-- organization, so tenants do not read them; the identity role may (a person's own security
-- activity). Both roles may append them: an organization's deletion is recorded this way,
-- since its own trail is deleted with it.
GRANT SELECT ON audit_logs TO clientele_auth;--> statement-breakpoint
CREATE POLICY identity_read_account_events ON audit_logs FOR SELECT TO clientele_auth
  USING (organization_id IS NULL);--> statement-breakpoint
DROP POLICY tenant_append ON audit_logs;--> statement-breakpoint
CREATE POLICY tenant_append ON audit_logs FOR INSERT TO clientele_app
  WITH CHECK (
    organization_id = nullif(current_setting('app.organization_id', true), '')::uuid
    OR organization_id IS NULL
  );
--> statement-breakpoint
-- The tenant role reads members' names and addresses, never their credentials.
REVOKE SELECT ON users FROM clientele_app;--> statement-breakpoint
GRANT SELECT (id, email, name, email_verified_at, created_at, updated_at) ON users TO clientele_app;
