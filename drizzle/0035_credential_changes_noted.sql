-- Each access change is announced on commit to every instance (0010, 0034), and now also noted
-- in the transaction itself, in the transaction-local setting app.access_changes, one change per
-- line. The instance that commits reads the note just before COMMIT, in the same round trip, and
-- forgets the credentials the changes touch as the commit completes: a request it serves next
-- never meets a revoked credential it had kept, however late its listener hears the NOTIFY.
-- Setting a variable in a function, like pg_notify, needs no grant. A savepoint rolled back
-- takes its notes back with it. Past 16 KB (an organization deleted with many members), the
-- note becomes 'all': the committing instance then forgets every credential.
CREATE OR REPLACE FUNCTION announce_access(change json) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
  noted text := coalesce(current_setting('app.access_changes', true), '');
BEGIN
  PERFORM pg_notify('clientele_access', change::text);
  PERFORM set_config(
    'app.access_changes',
    CASE WHEN noted = 'all' OR length(noted) > 16384 THEN 'all' ELSE noted || change::text || E'\n' END,
    true
  );
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION memberships_notify_access() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM announce_access(json_build_object(
    'kind', 'membership', 'organizationId', OLD.organization_id, 'userId', OLD.user_id
  ));
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION notify_access_by_id() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM announce_access(json_build_object('kind', TG_ARGV[0], 'id', OLD.id));
  RETURN NULL;
END
$$;--> statement-breakpoint

-- Sessions and API keys announce by row id too: their triggers take notify_access_by_id (0034)
-- with their kind, in place of a function each that differed only in the kind it named.
DROP TRIGGER sessions_notify_access ON sessions;--> statement-breakpoint
DROP FUNCTION sessions_notify_access();--> statement-breakpoint
CREATE TRIGGER sessions_notify_access AFTER UPDATE OF active_organization_id OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION notify_access_by_id('session');--> statement-breakpoint
DROP TRIGGER api_keys_notify_access ON api_keys;--> statement-breakpoint
DROP FUNCTION api_keys_notify_access();--> statement-breakpoint
CREATE TRIGGER api_keys_notify_access AFTER UPDATE OF revoked_at, expires_at, role OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION notify_access_by_id('apiKey');
