CREATE TYPE "public"."task_priority" AS ENUM('low', 'normal', 'high');--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"due_at" timestamp (3) with time zone,
	"assignee_id" uuid,
	"priority" "task_priority" DEFAULT 'normal' NOT NULL,
	"customer_id" uuid,
	"company_id" uuid,
	"deal_id" uuid,
	"order_id" uuid,
	"completed_at" timestamp (3) with time zone,
	"completed_by_id" uuid,
	"created_by_id" uuid,
	"created_by_api_key_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_about_one_record" CHECK (num_nonnulls("tasks"."customer_id", "tasks"."company_id", "tasks"."deal_id", "tasks"."order_id") <= 1),
	CONSTRAINT "tasks_completed_by_when_completed" CHECK ("tasks"."completed_by_id" is null or "tasks"."completed_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_id_users_id_fk" FOREIGN KEY ("completed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_api_key_id_api_keys_id_fk" FOREIGN KEY ("created_by_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_open_by_assignee_idx" ON "tasks" USING btree ("organization_id","assignee_id",coalesce(due_at, 'infinity'::timestamptz),"id") WHERE "tasks"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "tasks_open_by_due_idx" ON "tasks" USING btree ("organization_id",coalesce(due_at, 'infinity'::timestamptz),"id") WHERE "tasks"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "tasks_done_idx" ON "tasks" USING btree ("organization_id","completed_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "tasks"."completed_at" is not null;--> statement-breakpoint
CREATE INDEX "tasks_org_updated_idx" ON "tasks" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "tasks_customer_idx" ON "tasks" USING btree ("organization_id","customer_id") WHERE "tasks"."customer_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_company_idx" ON "tasks" USING btree ("organization_id","company_id") WHERE "tasks"."company_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_deal_idx" ON "tasks" USING btree ("organization_id","deal_id") WHERE "tasks"."deal_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_order_idx" ON "tasks" USING btree ("organization_id","order_id") WHERE "tasks"."order_id" is not null;--> statement-breakpoint
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON tasks TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON tasks TO clientele_app;
