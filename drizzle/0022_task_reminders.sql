ALTER TABLE "tasks" ADD COLUMN "due_reminder_sent_for" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "overdue_announced_for" timestamp (3) with time zone;