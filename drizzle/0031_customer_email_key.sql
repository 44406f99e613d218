DROP INDEX "customers_organization_email_unique";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "email_key" text GENERATED ALWAYS AS (lower(email)) STORED;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_organization_email_unique" ON "customers" USING btree ("organization_id","email_key") WHERE "customers"."deleted_at" is null and "customers"."email_key" is not null;