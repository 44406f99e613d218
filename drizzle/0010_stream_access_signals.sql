-- Live streams re-check their caller's access as soon as it may have changed. Each change that
-- can take access away or narrow it is announced on commit (NOTIFY is transactional) to every
-- instance: a member's role changed or membership ended, a session ended or turned to another
-- organization, an API key revoked, re-dated, re-roled or deleted. Deletions cascaded from a
-- user or an organization fire these too. Activity updates (last_seen_at, expires_at of a
-- session, last_used_at of a key) are not announced.
-- The functions run as whoever makes the change and only call pg_notify, which every role may:
-- like audit_logs_notify, they need no grant.
CREATE OR REPLACE FUNCTION memberships_notify_access() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM pg_notify('clientele_access', json_build_object(
    'kind', 'membership', 'organizationId', OLD.organization_id, 'userId', OLD.user_id
  )::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER memberships_notify_access AFTER UPDATE OF role OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION memberships_notify_access();--> statement-breakpoint

CREATE OR REPLACE FUNCTION sessions_notify_access() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM pg_notify('clientele_access', json_build_object('kind', 'session', 'id', OLD.id)::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER sessions_notify_access AFTER UPDATE OF active_organization_id OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION sessions_notify_access();--> statement-breakpoint

CREATE OR REPLACE FUNCTION api_keys_notify_access() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM pg_notify('clientele_access', json_build_object('kind', 'apiKey', 'id', OLD.id)::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER api_keys_notify_access AFTER UPDATE OF revoked_at, expires_at, role OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION api_keys_notify_access();
