-- Credentials resolved once are kept in each instance's memory (an API key, an OAuth access
-- token), so every change they depend on is announced on commit, as 0010 announces keys,
-- sessions and memberships: an organization renamed or deleted, an OAuth app re-roled, renamed,
-- moved or deleted, and a person's grant to an app revoked or re-dated. Each announces the
-- changed row's id under the kind its trigger names.
CREATE OR REPLACE FUNCTION notify_access_by_id() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM pg_notify('clientele_access', json_build_object('kind', TG_ARGV[0], 'id', OLD.id)::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER organizations_notify_access AFTER UPDATE OF name, slug OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION notify_access_by_id('organization');--> statement-breakpoint
CREATE TRIGGER oauth_apps_notify_access AFTER UPDATE OF role, name, organization_id OR DELETE ON oauth_apps
  FOR EACH ROW EXECUTE FUNCTION notify_access_by_id('oauthApp');--> statement-breakpoint
CREATE TRIGGER oauth_grants_notify_access AFTER UPDATE OF expires_at OR DELETE ON oauth_records
  FOR EACH ROW WHEN (OLD.model = 'Grant') EXECUTE FUNCTION notify_access_by_id('oauthGrant');
