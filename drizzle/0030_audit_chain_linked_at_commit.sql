ALTER TABLE "events" ALTER COLUMN "sequence" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "audit_log_id" uuid;--> statement-breakpoint
CREATE INDEX "events_unlinked_idx" ON "events" USING btree ("audit_log_id") WHERE "events"."sequence" is null;--> statement-breakpoint

-- The audit chain is linked when a transaction commits rather than when it inserts its audit
-- rows. Linking locks the chain's head until the end of the transaction; at insert time that
-- held back every other write of the organization for as long as the transaction went on
-- (each of its later statements a round trip), so one organization's writes ran one at a time.
-- A deferred trigger links the rows at COMMIT, inside the commit: the head is locked only for
-- the commit itself, no committed row is ever unlinked, and a rolled-back row never takes a
-- place in the chain. Rows are linked in the order their transactions commit.

-- At insert: only what belongs to the row alone. Whatever the writer sent for the chain columns
-- is discarded.
CREATE OR REPLACE FUNCTION audit_logs_prepare() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  NEW.sequence := NULL;
  NEW.previous_hash := NULL;
  NEW.hash := NULL;
  NEW.changes_hash := sha256(convert_to(NEW.changes::text, 'UTF8'));
  NEW.erased_at := NULL;
  RETURN NEW;
END
$$;--> statement-breakpoint
DROP TRIGGER audit_logs_chain ON audit_logs;--> statement-breakpoint
DROP FUNCTION audit_logs_chain();--> statement-breakpoint
CREATE TRIGGER audit_logs_prepare BEFORE INSERT ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION audit_logs_prepare();--> statement-breakpoint

-- The linker runs as a role of its own that may fill in the chain columns of rows not yet
-- linked, and of their events, and nothing else. It reads ids and sequences alone (an UPDATE
-- that names columns must also be able to read the row it leaves).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clientele_audit_linker') THEN
    CREATE ROLE clientele_audit_linker NOLOGIN NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT clientele_audit_linker TO %I', current_user);
END
$$;--> statement-breakpoint
GRANT USAGE, CREATE ON SCHEMA public TO clientele_audit_linker;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON audit_chain_heads TO clientele_audit_linker;--> statement-breakpoint
GRANT SELECT (id, sequence), UPDATE (sequence, previous_hash, hash) ON audit_logs TO clientele_audit_linker;--> statement-breakpoint
CREATE POLICY linker_read ON audit_logs FOR SELECT TO clientele_audit_linker USING (true);--> statement-breakpoint
CREATE POLICY linker_link ON audit_logs FOR UPDATE TO clientele_audit_linker
  USING (sequence IS NULL) WITH CHECK (sequence IS NOT NULL);--> statement-breakpoint
GRANT SELECT (audit_log_id, sequence), UPDATE (sequence) ON events TO clientele_audit_linker;--> statement-breakpoint
CREATE POLICY linker_read ON events FOR SELECT TO clientele_audit_linker USING (true);--> statement-breakpoint
CREATE POLICY linker_link ON events FOR UPDATE TO clientele_audit_linker
  USING (sequence IS NULL) WITH CHECK (sequence IS NOT NULL);--> statement-breakpoint

-- At commit: the next place in the chain, the hash over the previous one, the head moved on,
-- the row's events numbered, and the organization's listeners told (NOTIFY is delivered only
-- once the commit is done).
CREATE OR REPLACE FUNCTION audit_logs_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  key uuid := coalesce(NEW.organization_id, '00000000-0000-0000-0000-000000000000');
  head audit_chain_heads%ROWTYPE;
  linked audit_logs%ROWTYPE := NEW;
BEGIN
  INSERT INTO audit_chain_heads (chain_key, last_sequence, last_hash)
    VALUES (key, 0, '\x'::bytea) ON CONFLICT (chain_key) DO NOTHING;
  SELECT * INTO head FROM audit_chain_heads WHERE chain_key = key FOR UPDATE;
  linked.sequence := head.last_sequence + 1;
  linked.previous_hash := head.last_hash;
  linked.hash := sha256(
    linked.previous_hash || convert_to(audit_log_canonical(linked), 'UTF8') || linked.changes_hash
  );
  UPDATE audit_logs
    SET sequence = linked.sequence, previous_hash = linked.previous_hash, hash = linked.hash
    WHERE id = NEW.id;
  UPDATE audit_chain_heads SET last_sequence = linked.sequence, last_hash = linked.hash
    WHERE chain_key = key;
  IF NEW.organization_id IS NOT NULL THEN
    UPDATE events SET sequence = linked.sequence WHERE audit_log_id = NEW.id AND sequence IS NULL;
    PERFORM pg_notify('clientele_events', json_build_object(
      'organizationId', NEW.organization_id,
      'sequence', linked.sequence,
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
ALTER FUNCTION audit_logs_link() OWNER TO clientele_audit_linker;--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_logs_link() FROM PUBLIC;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_logs_link AFTER INSERT ON audit_logs
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_logs_link();--> statement-breakpoint
DROP TRIGGER audit_logs_notify ON audit_logs;--> statement-breakpoint
DROP FUNCTION audit_logs_notify();
