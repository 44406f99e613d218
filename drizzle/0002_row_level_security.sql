-- Tenant isolation in the database, enforced for everyone but superusers (FORCE also binds
-- the table owner). The application runs every tenant query as clientele_app inside a
-- transaction that sets app.organization_id; without it the tenant is NULL and no row matches.
-- Tenant tables: the tenant role sees and writes only its organization's rows.
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE customers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON customers TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON customers TO clientele_app;--> statement-breakpoint

ALTER TABLE customer_interactions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE customer_interactions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON customer_interactions TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON customer_interactions TO clientele_app;--> statement-breakpoint

ALTER TABLE orders ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE orders FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON orders TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON orders TO clientele_app;--> statement-breakpoint

ALTER TABLE order_lines ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE order_lines FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON order_lines TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON order_lines TO clientele_app;--> statement-breakpoint

ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE webhook_endpoints FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON webhook_endpoints TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoints TO clientele_app;--> statement-breakpoint

ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON webhook_deliveries TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_deliveries TO clientele_app;--> statement-breakpoint

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON idempotency_keys TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO clientele_app;--> statement-breakpoint

-- The audit trail is append-only for both runtime roles: insert and read, nothing else.
ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE audit_logs FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_read ON audit_logs FOR SELECT TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY tenant_append ON audit_logs FOR INSERT TO clientele_app
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY identity_append ON audit_logs FOR INSERT TO clientele_auth WITH CHECK (true);--> statement-breakpoint
GRANT SELECT, INSERT ON audit_logs TO clientele_app;--> statement-breakpoint
GRANT INSERT ON audit_logs TO clientele_auth;--> statement-breakpoint

-- Identity tables. Members, invitations and API keys belong to a tenant: the tenant role sees
-- its organization's rows; the identity role may look them up across organizations (a user's
-- memberships, a key by its hash, an invitation by its token) before a tenant is chosen.
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON memberships TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY identity_access ON memberships TO clientele_auth USING (true) WITH CHECK (true);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO clientele_app, clientele_auth;--> statement-breakpoint

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON invitations TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY identity_access ON invitations TO clientele_auth USING (true) WITH CHECK (true);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON invitations TO clientele_app, clientele_auth;--> statement-breakpoint

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON api_keys TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY identity_access ON api_keys TO clientele_auth USING (true) WITH CHECK (true);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON api_keys TO clientele_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON api_keys TO clientele_auth;--> statement-breakpoint

-- Organizations: the tenant role sees only its own; the identity role creates and finds them.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON organizations TO clientele_app
  USING (id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY identity_access ON organizations TO clientele_auth USING (true) WITH CHECK (true);--> statement-breakpoint
GRANT SELECT, UPDATE, DELETE ON organizations TO clientele_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON organizations TO clientele_auth;--> statement-breakpoint

-- Users are global identities: the tenant role sees only members of its organization.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_members ON users FOR SELECT TO clientele_app
  USING (EXISTS (
    SELECT 1 FROM memberships m
    WHERE m.user_id = users.id
      AND m.organization_id = nullif(current_setting('app.organization_id', true), '')::uuid
  ));--> statement-breakpoint
CREATE POLICY identity_access ON users TO clientele_auth USING (true) WITH CHECK (true);--> statement-breakpoint
GRANT SELECT ON users TO clientele_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON users TO clientele_auth;--> statement-breakpoint

-- Credentials: only the identity role touches them.
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO clientele_auth;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON password_reset_tokens TO clientele_auth;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON email_verification_tokens TO clientele_auth;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO clientele_app, clientele_auth;
