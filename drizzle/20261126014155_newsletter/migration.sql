CREATE TABLE "newsletter_digest_runs" (
	"date" date PRIMARY KEY,
	"completed_at" timestamp(3) with time zone NOT NULL,
	"subscribers" integer NOT NULL,
	"emails" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_tokens_manage_idx" ON "newsletter_tokens" ("subscriber_id") WHERE purpose = 'manage';--> statement-breakpoint
CREATE INDEX "outbox_status_created_idx" ON "outbox" ("status","created_at","id");