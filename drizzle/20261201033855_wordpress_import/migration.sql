CREATE TABLE "redirects" (
	"from_path" text PRIMARY KEY,
	"article_id" uuid NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wordpress_items" (
	"site" text,
	"kind" text,
	"wp_id" text,
	"lede_id" uuid NOT NULL,
	"hash" text NOT NULL,
	"details" jsonb,
	"imported_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "wordpress_items_pkey" PRIMARY KEY("site","kind","wp_id")
);
--> statement-breakpoint
CREATE INDEX "redirects_article_idx" ON "redirects" ("article_id");--> statement-breakpoint
CREATE INDEX "wordpress_items_post_idx" ON "wordpress_items" ("lede_id") WHERE kind = 'post';--> statement-breakpoint
ALTER TABLE "redirects" ADD CONSTRAINT "redirects_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;