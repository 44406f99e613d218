-- The audit hash chain. Every insert into audit_logs, whoever makes it, is given the next
-- sequence of its chain (one per organization, and one for account-level events) and a hash
-- over the previous row's hash, its own fields, and the hash of its `changes`. The chain head
-- is locked for the insert, so rows of one organization are chained one at a time.
CREATE OR REPLACE FUNCTION audit_log_canonical(a audit_logs) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public AS $$
  SELECT jsonb_build_array(
    a.organization_id, a.sequence, a.actor_type, a.actor_id, a.subject_user_id, a.action,
    a.entity_type, a.entity_id, a.ip_address, a.user_agent, a.request_id,
    to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )::text
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION audit_logs_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  key uuid := coalesce(NEW.organization_id, '00000000-0000-0000-0000-000000000000');
  head audit_chain_heads%ROWTYPE;
BEGIN
  INSERT INTO audit_chain_heads (chain_key, last_sequence, last_hash)
    VALUES (key, 0, '\x'::bytea) ON CONFLICT (chain_key) DO NOTHING;
  SELECT * INTO head FROM audit_chain_heads WHERE chain_key = key FOR UPDATE;
  NEW.sequence := head.last_sequence + 1;
  NEW.previous_hash := head.last_hash;
  NEW.changes_hash := sha256(convert_to(NEW.changes::text, 'UTF8'));
  NEW.erased_at := NULL;
  NEW.hash := sha256(NEW.previous_hash || convert_to(audit_log_canonical(NEW), 'UTF8') || NEW.changes_hash);
  UPDATE audit_chain_heads SET last_sequence = NEW.sequence, last_hash = NEW.hash WHERE chain_key = key;
  RETURN NEW;
END
$$;--> statement-breakpoint

-- Chain the rows written before this migration, oldest first.
ALTER TABLE audit_logs NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$
DECLARE
  r audit_logs%ROWTYPE;
  key uuid;
  prev bytea;
  seq bigint;
BEGIN
  FOR r IN SELECT * FROM audit_logs ORDER BY organization_id NULLS FIRST, created_at, id LOOP
    key := coalesce(r.organization_id, '00000000-0000-0000-0000-000000000000');
    SELECT last_sequence, last_hash INTO seq, prev FROM audit_chain_heads WHERE chain_key = key;
    IF NOT FOUND THEN
      seq := 0;
      prev := '\x'::bytea;
      INSERT INTO audit_chain_heads VALUES (key, 0, prev);
    END IF;
    r.sequence := seq + 1;
    r.previous_hash := prev;
    r.changes_hash := sha256(convert_to(r.changes::text, 'UTF8'));
    r.hash := sha256(r.previous_hash || convert_to(audit_log_canonical(r), 'UTF8') || r.changes_hash);
    UPDATE audit_logs
      SET sequence = r.sequence, previous_hash = r.previous_hash, changes_hash = r.changes_hash, hash = r.hash
      WHERE id = r.id;
    UPDATE audit_chain_heads SET last_sequence = r.sequence, last_hash = r.hash WHERE chain_key = key;
  END LOOP;
END
$$;--> statement-breakpoint
ALTER TABLE audit_logs FORCE ROW LEVEL SECURITY;--> statement-breakpoint

CREATE TRIGGER audit_logs_chain BEFORE INSERT ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION audit_logs_chain();--> statement-breakpoint

-- Live updates: each committed audit row of an organization is announced (NOTIFY is
-- transactional: a rolled-back change is never announced). Listeners fetch what they need.
CREATE OR REPLACE FUNCTION audit_logs_notify() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF NEW.organization_id IS NOT NULL THEN
    PERFORM pg_notify('clientele_events', json_build_object(
      'organizationId', NEW.organization_id,
      'sequence', NEW.sequence,
      'action', NEW.action,
      'entityType', NEW.entity_type,
      'entityId', NEW.entity_id,
      'actorType', NEW.actor_type,
      'actorId', NEW.actor_id,
      'createdAt', NEW.created_at
    )::text);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER audit_logs_notify AFTER INSERT ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION audit_logs_notify();--> statement-breakpoint

-- GDPR erasure is the one change ever made to audit rows, and only through this function:
-- it replaces `changes` of an organization's rows about given entities with a tombstone. It
-- runs as clientele_audit_eraser, which may update exactly those two columns; the application
-- roles may only call it. `changes_hash` stays, so the chain still verifies.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clientele_audit_eraser') THEN
    CREATE ROLE clientele_audit_eraser NOLOGIN NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT clientele_audit_eraser TO %I', current_user);
END
$$;--> statement-breakpoint
GRANT USAGE, CREATE ON SCHEMA public TO clientele_audit_eraser;--> statement-breakpoint
GRANT SELECT (organization_id, entity_id, erased_at), UPDATE (changes, erased_at) ON audit_logs TO clientele_audit_eraser;--> statement-breakpoint
CREATE POLICY eraser_read ON audit_logs FOR SELECT TO clientele_audit_eraser
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY eraser_update ON audit_logs FOR UPDATE TO clientele_audit_eraser
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE OR REPLACE FUNCTION erase_audit_personal_data(entity_ids uuid[]) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH erased AS (
    UPDATE audit_logs
      SET changes = '{"erased": true}'::jsonb, erased_at = now()
      WHERE organization_id = nullif(current_setting('app.organization_id', true), '')::uuid
        AND entity_id = ANY (entity_ids)
        AND erased_at IS NULL
      RETURNING 1
  )
  SELECT count(*)::integer FROM erased
$$;--> statement-breakpoint
ALTER FUNCTION erase_audit_personal_data(uuid[]) OWNER TO clientele_audit_eraser;--> statement-breakpoint
REVOKE ALL ON FUNCTION erase_audit_personal_data(uuid[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION erase_audit_personal_data(uuid[]) TO clientele_app;--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_logs_chain() FROM PUBLIC;--> statement-breakpoint

-- New tenant tables.
ALTER TABLE customer_imports ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE customer_imports FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON customer_imports TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON customer_imports TO clientele_app;--> statement-breakpoint

ALTER TABLE order_numbers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE order_numbers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON order_numbers TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON order_numbers TO clientele_app;
--> statement-breakpoint

-- Verification compares the chain with its head, so that deleting the newest rows shows too.
CREATE OR REPLACE FUNCTION audit_chain_head() RETURNS TABLE (last_sequence bigint, last_hash bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT h.last_sequence, h.last_hash FROM audit_chain_heads h
  WHERE h.chain_key = nullif(current_setting('app.organization_id', true), '')::uuid
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_chain_head() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_chain_head() TO clientele_app;
