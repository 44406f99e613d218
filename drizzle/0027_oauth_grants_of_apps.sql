-- An organization's admins list and revoke the grants people gave its apps, in the same tenant
-- transaction as the audit row: the tenant role sees the records of its own organization's
-- apps (oauth_apps is itself confined to the organization), and nothing else of the table.
ALTER TABLE oauth_records ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE oauth_records FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY identity_access ON oauth_records TO clientele_auth USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY organization_apps ON oauth_records TO clientele_app
  USING (client_id IN (SELECT client_id FROM oauth_apps));--> statement-breakpoint
GRANT SELECT, DELETE ON oauth_records TO clientele_app;
