ALTER TABLE "customer_interactions" ADD COLUMN "company_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "company_id" uuid;--> statement-breakpoint
ALTER TABLE "customer_interactions" ADD CONSTRAINT "customer_interactions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_interactions_company_timeline_idx" ON "customer_interactions" USING btree ("organization_id","company_id","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "customer_interactions"."company_id" is not null;--> statement-breakpoint
CREATE INDEX "orders_company_idx" ON "orders" USING btree ("organization_id","company_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "orders"."company_id" is not null;--> statement-breakpoint

-- A company's timeline and orders read by company_id, copied from the customer: interactions
-- carry the company of a live customer (a deleted person's entries leave the company's
-- timeline until restored), orders the customer's company whatever its state (revenue stays).
CREATE FUNCTION record_customer_company() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.customer_id IS NULL THEN
    RETURN NEW; -- an erased customer's order keeps its company
  END IF;
  IF TG_TABLE_NAME = 'customer_interactions' THEN
    SELECT CASE WHEN c.deleted_at IS NULL THEN c.company_id END INTO NEW.company_id
    FROM customers c WHERE c.id = NEW.customer_id;
  ELSE
    SELECT c.company_id INTO NEW.company_id FROM customers c WHERE c.id = NEW.customer_id;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER customer_interactions_company BEFORE INSERT OR UPDATE OF customer_id
  ON customer_interactions FOR EACH ROW EXECUTE FUNCTION record_customer_company();--> statement-breakpoint
CREATE TRIGGER orders_company BEFORE INSERT OR UPDATE OF customer_id
  ON orders FOR EACH ROW EXECUTE FUNCTION record_customer_company();--> statement-breakpoint

CREATE FUNCTION customers_company_activity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  timeline_company uuid := CASE WHEN NEW.deleted_at IS NULL THEN NEW.company_id END;
BEGIN
  UPDATE customer_interactions SET company_id = timeline_company
  WHERE organization_id = NEW.organization_id AND customer_id = NEW.id
    AND company_id IS DISTINCT FROM timeline_company;
  IF NEW.company_id IS DISTINCT FROM OLD.company_id THEN
    UPDATE orders SET company_id = NEW.company_id
    WHERE organization_id = NEW.organization_id AND customer_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER customers_company_activity AFTER UPDATE OF company_id, deleted_at ON customers
  FOR EACH ROW
  WHEN (OLD.company_id IS DISTINCT FROM NEW.company_id
        OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
  EXECUTE FUNCTION customers_company_activity();--> statement-breakpoint

-- Existing rows, before row-level security binds the owner again.
ALTER TABLE customer_interactions NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE orders NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE customers NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE customer_interactions i SET company_id = c.company_id
FROM customers c
WHERE c.id = i.customer_id AND c.deleted_at IS NULL AND c.company_id IS NOT NULL;--> statement-breakpoint
UPDATE orders o SET company_id = c.company_id
FROM customers c
WHERE c.id = o.customer_id AND c.company_id IS NOT NULL;--> statement-breakpoint
ALTER TABLE customers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE orders FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE customer_interactions FORCE ROW LEVEL SECURITY;
