CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"notification_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp (3) with time zone,
	CONSTRAINT "notification_deliveries_once" UNIQUE("notification_id","channel")
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"digest_hour" smallint DEFAULT 8 NOT NULL,
	"quiet_start" smallint,
	"quiet_end" smallint,
	"reminder_lead_minutes" smallint DEFAULT 15 NOT NULL,
	"channels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"phone_number" text,
	"phone_verified_at" timestamp (3) with time zone,
	"phone_code_hash" text,
	"phone_code_expires_at" timestamp (3) with time zone,
	"phone_code_attempts" smallint DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "push_subscriptions_endpoint_unique" UNIQUE("endpoint")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "in_app" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_deliveries_recent_idx" ON "notification_deliveries" USING btree ("organization_id","channel","created_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_digest_idx" ON "notification_deliveries" USING btree ("organization_id","user_id") WHERE "notification_deliveries"."status" = 'digest';--> statement-breakpoint
CREATE INDEX "push_subscriptions_user_idx" ON "push_subscriptions" USING btree ("user_id");--> statement-breakpoint

-- Deliveries are tenant rows like the notifications they record.
ALTER TABLE notification_deliveries ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE notification_deliveries FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON notification_deliveries TO clientele_app
  USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_deliveries TO clientele_app;--> statement-breakpoint

-- A person's settings and browsers are theirs (the identity role writes them); delivering in an
-- organization reads those of its members only, never the pending phone code, and drops a
-- browser its push service says is gone.
ALTER TABLE notification_settings ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE notification_settings FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY identity_access ON notification_settings TO clientele_auth USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY tenant_members ON notification_settings FOR SELECT TO clientele_app
  USING (EXISTS (
    SELECT 1 FROM memberships m
    WHERE m.user_id = notification_settings.user_id
      AND m.organization_id = nullif(current_setting('app.organization_id', true), '')::uuid
  ));--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_settings TO clientele_auth;--> statement-breakpoint
GRANT SELECT (user_id, time_zone, digest_hour, quiet_start, quiet_end, reminder_lead_minutes,
  channels, phone_number, phone_verified_at) ON notification_settings TO clientele_app;--> statement-breakpoint

ALTER TABLE push_subscriptions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE push_subscriptions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY identity_access ON push_subscriptions TO clientele_auth USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY tenant_members ON push_subscriptions FOR SELECT TO clientele_app
  USING (EXISTS (
    SELECT 1 FROM memberships m
    WHERE m.user_id = push_subscriptions.user_id
      AND m.organization_id = nullif(current_setting('app.organization_id', true), '')::uuid
  ));--> statement-breakpoint
CREATE POLICY tenant_members_gone ON push_subscriptions FOR DELETE TO clientele_app
  USING (EXISTS (
    SELECT 1 FROM memberships m
    WHERE m.user_id = push_subscriptions.user_id
      AND m.organization_id = nullif(current_setting('app.organization_id', true), '')::uuid
  ));--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON push_subscriptions TO clientele_auth;--> statement-breakpoint
GRANT SELECT, DELETE ON push_subscriptions TO clientele_app;
--> statement-breakpoint

-- The bell's unread count reads this index alone: it carries the kind of record the count is
-- filtered by (what the member's role may read), so no row is fetched from the table.
DROP INDEX notifications_unread_idx;--> statement-breakpoint
CREATE INDEX notifications_unread_idx ON notifications (organization_id, user_id, group_key)
  INCLUDE (entity_type) WHERE read_at IS NULL;
