ALTER TABLE "customers" ADD COLUMN "search_names" text GENERATED ALWAYS AS (lower(first_name || ' ' || last_name || ' ' || coalesce(company, ''))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_search_names_trgm_idx" ON "customers" USING gin ("search_names" gin_trgm_ops);--> statement-breakpoint
-- Optimal string alignment distance: Levenshtein plus the swap of two neighbouring letters
-- ("jonh" is one typo from "john"). fuzzystrmatch's levenshtein() counts a swap as two edits.
CREATE FUNCTION clientele_typo_edits(a text, b text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  la integer := length(a);
  lb integer := length(b);
  before_previous integer[];
  previous integer[];
  current_row integer[];
  i integer;
  j integer;
BEGIN
  IF la = 0 OR lb = 0 THEN
    RETURN greatest(la, lb);
  END IF;
  previous := array_fill(0, ARRAY[lb + 1], ARRAY[0]);
  FOR j IN 0..lb LOOP
    previous[j] := j;
  END LOOP;
  FOR i IN 1..la LOOP
    current_row := array_fill(0, ARRAY[lb + 1], ARRAY[0]);
    current_row[0] := i;
    FOR j IN 1..lb LOOP
      current_row[j] := least(
        previous[j] + 1,
        current_row[j - 1] + 1,
        previous[j - 1] + CASE WHEN substr(a, i, 1) = substr(b, j, 1) THEN 0 ELSE 1 END
      );
      IF i > 1 AND j > 1 AND substr(a, i, 1) = substr(b, j - 1, 1)
         AND substr(a, i - 1, 1) = substr(b, j, 1) THEN
        current_row[j] := least(current_row[j], before_previous[j - 2] + 1);
      END IF;
    END LOOP;
    before_previous := previous;
    previous := current_row;
  END LOOP;
  RETURN previous[lb];
END $$;
--> statement-breakpoint
-- How many typos separate a search from a document: every word of the search must be the start
-- of a word of the document, or within the typos its length allows of one (none up to two
-- letters, one up to five, two beyond); the sum of the fewest typos, or null when a word matches
-- nothing (so "cohn" finds "Cohen" and "John", but not every "…com" address).
CREATE FUNCTION clientele_typo_distance(search text, document text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  total integer := 0;
  search_word text;
  document_word text;
  allowed integer;
  best integer;
  edits integer;
BEGIN
  FOREACH search_word IN ARRAY regexp_split_to_array(btrim(search), '\s+') LOOP
    CONTINUE WHEN search_word = '';
    allowed := CASE WHEN length(search_word) <= 2 THEN 0 WHEN length(search_word) <= 5 THEN 1 ELSE 2 END;
    best := NULL;
    FOREACH document_word IN ARRAY regexp_split_to_array(document, '\s+') LOOP
      IF starts_with(document_word, search_word) THEN
        best := 0;
        EXIT;
      END IF;
      CONTINUE WHEN abs(length(document_word) - length(search_word)) > allowed;
      edits := clientele_typo_edits(search_word, document_word);
      IF edits <= allowed AND (best IS NULL OR edits < best) THEN
        best := edits;
      END IF;
    END LOOP;
    IF best IS NULL THEN
      RETURN NULL;
    END IF;
    total := total + best;
  END LOOP;
  RETURN total;
END $$;
