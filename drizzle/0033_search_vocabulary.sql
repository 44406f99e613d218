-- The words of each organization's customer names and companies, which a misspelt search looks
-- up instead of comparing every customer with the search (pg_trgm's "words table"). The app's
-- roles have no privilege on it: they read it through clientele_search_words(), which takes the
-- organization from app.organization_id, so row security is not needed and does not stop the
-- trigram index from serving the lookup (under row security an index serves only leakproof
-- conditions, which the trigram operators are not).
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
CREATE TABLE customer_search_words (
  organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  word text COLLATE "C" NOT NULL,
  PRIMARY KEY (organization_id, word)
);
--> statement-breakpoint
CREATE INDEX customer_search_words_trgm_idx ON customer_search_words
  USING gin (organization_id, word gin_trgm_ops);
--> statement-breakpoint
REVOKE ALL ON customer_search_words FROM PUBLIC;
--> statement-breakpoint
-- The vocabulary belongs to a role of its own, which its functions run as: it may read the
-- names of every organization's customers (row security would show the migrating role none),
-- and nothing else.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clientele_search_indexer') THEN
    CREATE ROLE clientele_search_indexer NOLOGIN NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT clientele_search_indexer TO %I', current_user);
END
$$;
--> statement-breakpoint
GRANT USAGE, CREATE ON SCHEMA public TO clientele_search_indexer;
--> statement-breakpoint
ALTER TABLE customer_search_words OWNER TO clientele_search_indexer;
--> statement-breakpoint
GRANT SELECT (organization_id, search_names, deleted_at) ON customers TO clientele_search_indexer;
--> statement-breakpoint
CREATE POLICY search_indexer_read ON customers FOR SELECT TO clientele_search_indexer USING (true);
--> statement-breakpoint
SET LOCAL ROLE clientele_search_indexer;
--> statement-breakpoint
INSERT INTO customer_search_words (organization_id, word)
SELECT DISTINCT organization_id, word
FROM customers, unnest(string_to_array(search_names, ' ')) AS word
WHERE deleted_at IS NULL AND word <> '';
--> statement-breakpoint
RESET ROLE;
--> statement-breakpoint
-- A live customer's words join the vocabulary as it is written; words no live customer uses
-- any more leave it in the hourly upkeep (clientele_prune_search_words).
CREATE FUNCTION clientele_add_search_words() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  INSERT INTO customer_search_words (organization_id, word)
  SELECT NEW.organization_id, word FROM unnest(string_to_array(NEW.search_names, ' ')) AS word
  WHERE word <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
ALTER FUNCTION clientele_add_search_words() OWNER TO clientele_search_indexer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION clientele_add_search_words() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER customers_search_words
AFTER INSERT OR UPDATE OF first_name, last_name, company, deleted_at ON customers
FOR EACH ROW WHEN (NEW.deleted_at IS NULL) EXECUTE FUNCTION clientele_add_search_words();
--> statement-breakpoint
-- The words of the tenant's vocabulary a search word may stand for: those within the typos its
-- length allows (as clientele_typo_distance counts them), and the search word itself when a
-- word starts with it. Trigrams preselect, the typo count decides. Between two short words one
-- typo leaves few trigrams in common ("stao" and "sato" share one of five): 0.2 lets it through.
CREATE FUNCTION clientele_search_words(search_word text) RETURNS SETOF text
LANGUAGE sql STABLE STRICT SECURITY DEFINER
SET search_path = pg_catalog, public SET pg_trgm.word_similarity_threshold = 0.2 AS $$
  WITH tenant AS (
    SELECT nullif(current_setting('app.organization_id', true), '')::uuid AS id,
      CASE WHEN length(search_word) <= 2 THEN 0 WHEN length(search_word) <= 5 THEN 1 ELSE 2 END
        AS allowed
  )
  SELECT search_word WHERE EXISTS (
    SELECT 1 FROM customer_search_words w, tenant
    WHERE w.organization_id = tenant.id
      AND w.word >= search_word COLLATE "C"
      AND w.word < (search_word || chr(1114111)) COLLATE "C"
  )
  UNION
  SELECT w.word FROM customer_search_words w, tenant
  WHERE w.organization_id = tenant.id
    AND search_word <% w.word
    AND abs(length(w.word) - length(search_word)) <= tenant.allowed
    AND clientele_typo_edits(search_word, w.word) <= tenant.allowed
$$;
--> statement-breakpoint
ALTER FUNCTION clientele_search_words(text) OWNER TO clientele_search_indexer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION clientele_search_words(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION clientele_search_words(text) TO clientele_app;
--> statement-breakpoint
-- Drops the words no live customer uses any more (after deletes, renames and erasures): one
-- pass over the customers, in the hourly upkeep. Returns how many went.
CREATE FUNCTION clientele_prune_search_words() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  pruned integer;
BEGIN
  DELETE FROM customer_search_words v
  WHERE NOT EXISTS (
    SELECT 1 FROM (
      SELECT DISTINCT c.organization_id, word
      FROM customers c, unnest(string_to_array(c.search_names, ' ')) AS word
      WHERE c.deleted_at IS NULL
    ) used
    WHERE used.organization_id = v.organization_id AND used.word COLLATE "C" = v.word
  );
  GET DIAGNOSTICS pruned = ROW_COUNT;
  RETURN pruned;
END $$;
--> statement-breakpoint
ALTER FUNCTION clientele_prune_search_words() OWNER TO clientele_search_indexer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION clientele_prune_search_words() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION clientele_prune_search_words() TO clientele_maintenance;
