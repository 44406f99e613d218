CREATE INDEX "customers_company_id_referrers_idx" ON "customers" USING btree ("company_id") WHERE "customers"."company_id" is not null;--> statement-breakpoint
CREATE INDEX "deal_customers_customer_id_referrers_idx" ON "deal_customers" USING btree ("customer_id") WHERE "deal_customers"."customer_id" is not null;--> statement-breakpoint
CREATE INDEX "deal_stage_changes_deal_id_referrers_idx" ON "deal_stage_changes" USING btree ("deal_id") WHERE "deal_stage_changes"."deal_id" is not null;--> statement-breakpoint
CREATE INDEX "deals_company_id_referrers_idx" ON "deals" USING btree ("company_id") WHERE "deals"."company_id" is not null;--> statement-breakpoint
CREATE INDEX "customer_interactions_customer_id_referrers_idx" ON "customer_interactions" USING btree ("customer_id") WHERE "customer_interactions"."customer_id" is not null;--> statement-breakpoint
CREATE INDEX "customer_interactions_company_id_referrers_idx" ON "customer_interactions" USING btree ("company_id") WHERE "customer_interactions"."company_id" is not null;--> statement-breakpoint
CREATE INDEX "customer_interactions_deal_id_referrers_idx" ON "customer_interactions" USING btree ("deal_id") WHERE "customer_interactions"."deal_id" is not null;--> statement-breakpoint
CREATE INDEX "orders_customer_id_referrers_idx" ON "orders" USING btree ("customer_id") WHERE "orders"."customer_id" is not null;--> statement-breakpoint
CREATE INDEX "orders_company_id_referrers_idx" ON "orders" USING btree ("company_id") WHERE "orders"."company_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_customer_id_referrers_idx" ON "tasks" USING btree ("customer_id") WHERE "tasks"."customer_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_company_id_referrers_idx" ON "tasks" USING btree ("company_id") WHERE "tasks"."company_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_deal_id_referrers_idx" ON "tasks" USING btree ("deal_id") WHERE "tasks"."deal_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_order_id_referrers_idx" ON "tasks" USING btree ("order_id") WHERE "tasks"."order_id" is not null;