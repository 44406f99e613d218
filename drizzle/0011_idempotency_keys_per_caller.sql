-- An Idempotency-Key belongs to the caller that sent it (`api_key:<id>`), not to its whole
-- organization: two keys of one organization never see each other's stored responses. Stored
-- responses are a 24-hour cache of replies whose caller was not recorded, so they are dropped
-- rather than shared with every key.
DELETE FROM "idempotency_keys";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "caller" text NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_organization_id_key_pk";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_organization_id_caller_key_pk" PRIMARY KEY("organization_id","caller","key");
