CREATE TABLE "deal_stage_totals" (
	"organization_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"deal_count" bigint NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "deal_stage_totals_stage_id_currency_pk" PRIMARY KEY("stage_id","currency")
);
--> statement-breakpoint
ALTER TABLE "deal_stage_totals" ADD CONSTRAINT "deal_stage_totals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_stage_totals" ADD CONSTRAINT "deal_stage_totals_stage_id_pipeline_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."pipeline_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deal_stage_totals_org_idx" ON "deal_stage_totals" USING btree ("organization_id");--> statement-breakpoint

-- The board's per-stage count and sums, kept exact as deals change so that reading them costs
-- O(stages) rather than a scan of every live deal. Only live deals count; a stage and currency
-- left without live deals loses its row, so the totals read as the aggregate over deals would.
-- Rows are changed in key order (a move locks both of its rows), so concurrent opposite moves
-- cannot deadlock. Runs as the invoking tenant role, under the policy below.
CREATE FUNCTION deal_stage_totals_add(org uuid, stage uuid, cur text, n bigint, amount bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF n > 0 THEN
    INSERT INTO deal_stage_totals AS t (organization_id, stage_id, currency, deal_count, amount_cents)
    VALUES (org, stage, cur, n, amount)
    ON CONFLICT (stage_id, currency) DO UPDATE
      SET deal_count = t.deal_count + EXCLUDED.deal_count,
          amount_cents = t.amount_cents + EXCLUDED.amount_cents;
  ELSE
    UPDATE deal_stage_totals
    SET deal_count = deal_count + n, amount_cents = amount_cents + amount
    WHERE stage_id = stage AND currency = cur;
    DELETE FROM deal_stage_totals WHERE stage_id = stage AND currency = cur AND deal_count <= 0;
  END IF;
END
$$;--> statement-breakpoint

CREATE FUNCTION deal_stage_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  counted_before boolean := TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL;
  counted_after boolean := TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL;
BEGIN
  IF counted_before AND counted_after
     AND (OLD.stage_id, OLD.currency) > (NEW.stage_id, NEW.currency) THEN
    PERFORM deal_stage_totals_add(NEW.organization_id, NEW.stage_id, NEW.currency, 1, NEW.amount_cents);
    PERFORM deal_stage_totals_add(OLD.organization_id, OLD.stage_id, OLD.currency, -1, -OLD.amount_cents);
    RETURN NULL;
  END IF;
  IF counted_before THEN
    PERFORM deal_stage_totals_add(OLD.organization_id, OLD.stage_id, OLD.currency, -1, -OLD.amount_cents);
  END IF;
  IF counted_after THEN
    PERFORM deal_stage_totals_add(NEW.organization_id, NEW.stage_id, NEW.currency, 1, NEW.amount_cents);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE TRIGGER deal_stage_totals_insert AFTER INSERT ON deals
  FOR EACH ROW EXECUTE FUNCTION deal_stage_totals();--> statement-breakpoint
CREATE TRIGGER deal_stage_totals_update AFTER UPDATE OF stage_id, amount_cents, currency, deleted_at ON deals
  FOR EACH ROW
  WHEN (OLD.stage_id IS DISTINCT FROM NEW.stage_id
        OR OLD.amount_cents IS DISTINCT FROM NEW.amount_cents
        OR OLD.currency IS DISTINCT FROM NEW.currency
        OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
  EXECUTE FUNCTION deal_stage_totals();--> statement-breakpoint
CREATE TRIGGER deal_stage_totals_delete AFTER DELETE ON deals
  FOR EACH ROW EXECUTE FUNCTION deal_stage_totals();--> statement-breakpoint

-- Existing deals, counted while writes to deals wait (the owner reads past row security here).
LOCK TABLE deals IN SHARE MODE;--> statement-breakpoint
ALTER TABLE deals NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
INSERT INTO deal_stage_totals (organization_id, stage_id, currency, deal_count, amount_cents)
SELECT organization_id, stage_id, currency, count(*), sum(amount_cents)
FROM deals
WHERE deleted_at IS NULL
GROUP BY organization_id, stage_id, currency;--> statement-breakpoint
ALTER TABLE deals FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- Tenant isolation, as for deals.
ALTER TABLE deal_stage_totals ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE deal_stage_totals FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON deal_stage_totals TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON deal_stage_totals TO clientele_app;
