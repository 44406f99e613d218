ALTER TABLE "tasks" ADD COLUMN "due_reminder_sent_for" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "overdue_announced_for" timestamp (3) with time zone;--> statement-breakpoint
-- Accepting an invitation runs as the identity role, before the new member has a tenant
-- transaction: it may tell the inviter, and add no other notification nor read any.
CREATE POLICY identity_invitation_accepted ON notifications FOR INSERT TO clientele_auth
  WITH CHECK (type = 'invitation_accepted');--> statement-breakpoint
GRANT INSERT ON notifications TO clientele_auth;
--> statement-breakpoint
-- The hourly upkeep deletes read notifications past their retention (NOTIFICATION_RETENTION_DAYS):
-- it may read the one column that needs and delete, and never an unread one.
GRANT SELECT (read_at), DELETE ON notifications TO clientele_maintenance;--> statement-breakpoint
CREATE POLICY read_past_retention ON notifications TO clientele_maintenance
  USING (read_at IS NOT NULL);
