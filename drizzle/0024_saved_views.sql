CREATE TABLE "saved_view_preferences" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"list" text NOT NULL,
	"default_view_id" uuid,
	"pinned_view_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_view_preferences_organization_id_user_id_list_pk" PRIMARY KEY("organization_id","user_id","list"),
	CONSTRAINT "saved_view_preferences_known_list" CHECK ("saved_view_preferences"."list" in ('customers', 'companies', 'deals', 'tasks', 'orders'))
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"list" text NOT NULL,
	"name" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_views_name_unique" UNIQUE("organization_id","owner_user_id","list","name"),
	CONSTRAINT "saved_views_known_list" CHECK ("saved_views"."list" in ('customers', 'companies', 'deals', 'tasks', 'orders'))
);
--> statement-breakpoint
ALTER TABLE "saved_view_preferences" ADD CONSTRAINT "saved_view_preferences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_view_preferences" ADD CONSTRAINT "saved_view_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_view_preferences" ADD CONSTRAINT "saved_view_preferences_default_view_id_saved_views_id_fk" FOREIGN KEY ("default_view_id") REFERENCES "public"."saved_views"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_view_preferences_default_idx" ON "saved_view_preferences" USING btree ("default_view_id");--> statement-breakpoint
CREATE INDEX "saved_views_list_idx" ON "saved_views" USING btree ("organization_id","list","position");--> statement-breakpoint
-- Views and each member's pins are tenant rows; who of the organization sees which view is the
-- application's rule (the owner, or everyone when shared).
ALTER TABLE saved_views ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE saved_views FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON saved_views TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_views TO clientele_app;--> statement-breakpoint

ALTER TABLE saved_view_preferences ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE saved_view_preferences FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON saved_view_preferences TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_view_preferences TO clientele_app;
