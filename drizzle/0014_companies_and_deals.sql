CREATE TYPE "public"."company_size" AS ENUM('1-10', '11-50', '51-200', '201-1000', '1001+');--> statement-breakpoint
CREATE TYPE "public"."deal_status" AS ENUM('open', 'won', 'lost');--> statement-breakpoint
CREATE TYPE "public"."stage_kind" AS ENUM('open', 'won', 'lost');--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"domain" text,
	"industry" text,
	"size" "company_size",
	"website" text,
	"phone" text,
	"address" jsonb,
	"owner_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"name_sort" text GENERATED ALWAYS AS (lower(name)) STORED NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(domain, ''))) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deal_customers" (
	"organization_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "deal_customers_deal_id_customer_id_pk" PRIMARY KEY("deal_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "deal_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid,
	"changed_by_id" uuid,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"status" "deal_status" DEFAULT 'open' NOT NULL,
	"amount_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"expected_close_date" date,
	"owner_id" uuid,
	"company_id" uuid,
	"lost_reason" text,
	"closed_at" timestamp (3) with time zone,
	"stage_entered_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "deals_amount_not_negative" CHECK ("deals"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "pipeline_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"probability" integer NOT NULL,
	"kind" "stage_kind" DEFAULT 'open' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipeline_stages_probability_range" CHECK ("pipeline_stages"."probability" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "pipelines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "company_id" uuid;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_customers" ADD CONSTRAINT "deal_customers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_customers" ADD CONSTRAINT "deal_customers_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_customers" ADD CONSTRAINT "deal_customers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_stage_changes" ADD CONSTRAINT "deal_stage_changes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_stage_changes" ADD CONSTRAINT "deal_stage_changes_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_stage_changes" ADD CONSTRAINT "deal_stage_changes_from_stage_id_pipeline_stages_id_fk" FOREIGN KEY ("from_stage_id") REFERENCES "public"."pipeline_stages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_stage_changes" ADD CONSTRAINT "deal_stage_changes_to_stage_id_pipeline_stages_id_fk" FOREIGN KEY ("to_stage_id") REFERENCES "public"."pipeline_stages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_stage_changes" ADD CONSTRAINT "deal_stage_changes_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_stage_id_pipeline_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."pipeline_stages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_stages" ADD CONSTRAINT "pipeline_stages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_stages" ADD CONSTRAINT "pipeline_stages_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipelines" ADD CONSTRAINT "pipelines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_organization_domain_unique" ON "companies" USING btree ("organization_id","domain") WHERE "companies"."deleted_at" is null and "companies"."domain" is not null;--> statement-breakpoint
CREATE INDEX "companies_org_created_idx" ON "companies" USING btree ("organization_id","created_at","id") WHERE "companies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "companies_org_updated_idx" ON "companies" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "companies_org_name_idx" ON "companies" USING btree ("organization_id","name_sort","id") WHERE "companies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "companies_search_trgm_idx" ON "companies" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "companies_tags_idx" ON "companies" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "companies_org_owner_idx" ON "companies" USING btree ("organization_id","owner_id");--> statement-breakpoint
CREATE INDEX "deal_customers_customer_idx" ON "deal_customers" USING btree ("organization_id","customer_id");--> statement-breakpoint
CREATE INDEX "deal_stage_changes_deal_idx" ON "deal_stage_changes" USING btree ("organization_id","deal_id","changed_at");--> statement-breakpoint
CREATE INDEX "deal_stage_changes_org_changed_idx" ON "deal_stage_changes" USING btree ("organization_id","changed_at");--> statement-breakpoint
CREATE INDEX "deals_org_stage_idx" ON "deals" USING btree ("organization_id","stage_id","created_at","id") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_org_created_idx" ON "deals" USING btree ("organization_id","created_at","id") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_org_updated_idx" ON "deals" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "deals_org_company_idx" ON "deals" USING btree ("organization_id","company_id") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_org_owner_idx" ON "deals" USING btree ("organization_id","owner_id") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_org_close_idx" ON "deals" USING btree ("organization_id","expected_close_date") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_org_closed_idx" ON "deals" USING btree ("organization_id","status","closed_at") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "pipeline_stages_pipeline_idx" ON "pipeline_stages" USING btree ("organization_id","pipeline_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "pipelines_one_default_per_organization" ON "pipelines" USING btree ("organization_id") WHERE "pipelines"."is_default";--> statement-breakpoint
CREATE INDEX "pipelines_org_created_idx" ON "pipelines" USING btree ("organization_id","created_at","id");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_org_company_id_idx" ON "customers" USING btree ("organization_id","company_id","name_sort","id") WHERE "customers"."deleted_at" is null;--> statement-breakpoint

-- Existing data, before row-level security binds the new tables: every distinct free-text
-- company of an organization becomes a company (names differing only in case or surrounding
-- spaces are one company, named by its most frequent spelling; the other spellings are kept in
-- its metadata as "formerNames"), and its customers link to it and read its name as their
-- company (those whose spelling changes get a new version, so a resync by updatedSince sees it).
ALTER TABLE customers NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
WITH spellings AS (
  SELECT organization_id, lower(btrim(company)) AS key, btrim(company) AS spelling,
         count(*) AS uses, min(created_at) AS first_seen
  FROM customers
  WHERE btrim(coalesce(company, '')) <> ''
  GROUP BY organization_id, lower(btrim(company)), btrim(company)
), ranked AS (
  SELECT *, row_number() OVER (
    PARTITION BY organization_id, key ORDER BY uses DESC, first_seen, spelling
  ) AS rank
  FROM spellings
), merged AS (
  SELECT organization_id, key,
         max(spelling) FILTER (WHERE rank = 1) AS name,
         array_agg(spelling ORDER BY rank) FILTER (WHERE rank > 1) AS other_spellings,
         min(first_seen) AS first_seen
  FROM ranked
  GROUP BY organization_id, key
)
INSERT INTO companies (organization_id, name, metadata, created_at, updated_at)
SELECT organization_id, name,
       CASE WHEN other_spellings IS NULL THEN '{}'::jsonb
            ELSE jsonb_build_object('formerNames', to_jsonb(other_spellings)) END,
       first_seen, first_seen
FROM merged;--> statement-breakpoint
UPDATE customers c
SET company_id = co.id
FROM companies co
WHERE co.organization_id = c.organization_id
  AND co.name_sort = lower(btrim(c.company))
  AND btrim(coalesce(c.company, '')) <> '';--> statement-breakpoint
UPDATE customers c
SET company = co.name, version = c.version + 1, updated_at = now()
FROM companies co
WHERE co.id = c.company_id AND c.company IS DISTINCT FROM co.name;--> statement-breakpoint
ALTER TABLE customers FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- A default pipeline for every existing organization; new ones get theirs when created.
INSERT INTO pipelines (organization_id, name, is_default)
SELECT id, 'Sales', true FROM organizations;--> statement-breakpoint
INSERT INTO pipeline_stages (organization_id, pipeline_id, name, position, probability, kind)
SELECT p.organization_id, p.id, s.name, s.position, s.probability, s.kind::stage_kind
FROM pipelines p
CROSS JOIN (VALUES
  ('Lead in', 0, 10, 'open'),
  ('Qualified', 1, 25, 'open'),
  ('Proposal', 2, 50, 'open'),
  ('Negotiation', 3, 75, 'open'),
  ('Won', 4, 100, 'won'),
  ('Lost', 5, 0, 'lost')
) AS s(name, position, probability, kind);--> statement-breakpoint

-- A deal's pipeline and status follow from its stage; closed_at is set on entering a won or
-- lost stage and cleared on reopening; stage_entered_at dates the current stage.
CREATE FUNCTION deals_stage_status() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stage pipeline_stages%ROWTYPE;
BEGIN
  SELECT * INTO stage FROM pipeline_stages WHERE id = NEW.stage_id;
  IF NOT FOUND THEN
    RAISE foreign_key_violation USING MESSAGE = 'no such stage', CONSTRAINT = 'deals_stage_id_pipeline_stages_id_fk';
  END IF;
  NEW.pipeline_id := stage.pipeline_id;
  NEW.status := stage.kind::text::deal_status;
  IF TG_OP = 'INSERT' OR NEW.stage_id IS DISTINCT FROM OLD.stage_id THEN
    NEW.stage_entered_at := now();
  END IF;
  IF stage.kind = 'open' THEN
    NEW.closed_at := NULL;
  ELSIF TG_OP = 'INSERT' OR OLD.status = 'open' OR NEW.closed_at IS NULL THEN
    NEW.closed_at := now();
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER deals_stage_status BEFORE INSERT OR UPDATE OF stage_id ON deals
  FOR EACH ROW EXECUTE FUNCTION deals_stage_status();--> statement-breakpoint

-- Tenant isolation, as for customers.
ALTER TABLE companies ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE companies FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON companies TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON companies TO clientele_app;--> statement-breakpoint

ALTER TABLE pipelines ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE pipelines FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON pipelines TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON pipelines TO clientele_app;--> statement-breakpoint

ALTER TABLE pipeline_stages ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE pipeline_stages FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON pipeline_stages TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON pipeline_stages TO clientele_app;--> statement-breakpoint

-- An organization's default pipeline is written when the organization is created, by the
-- identity role that creates it: it may add pipelines and stages, and read, change or delete none.
CREATE POLICY identity_default_pipeline ON pipelines FOR INSERT TO clientele_auth
  WITH CHECK (is_default);--> statement-breakpoint
GRANT INSERT ON pipelines TO clientele_auth;--> statement-breakpoint
CREATE POLICY identity_default_pipeline ON pipeline_stages FOR INSERT TO clientele_auth
  WITH CHECK (true);--> statement-breakpoint
GRANT INSERT ON pipeline_stages TO clientele_auth;--> statement-breakpoint

ALTER TABLE deals ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE deals FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON deals TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON deals TO clientele_app;--> statement-breakpoint

ALTER TABLE deal_customers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE deal_customers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON deal_customers TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON deal_customers TO clientele_app;--> statement-breakpoint

-- Stage history is append-only, like the audit trail.
ALTER TABLE deal_stage_changes ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE deal_stage_changes FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_read ON deal_stage_changes FOR SELECT TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY tenant_append ON deal_stage_changes FOR INSERT TO clientele_app
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT ON deal_stage_changes TO clientele_app;
