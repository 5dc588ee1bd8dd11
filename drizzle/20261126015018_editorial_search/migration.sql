-- Search ignores accents: French and English configurations that fold them with unaccent before
-- stemming. pg_trgm gives typo tolerance. Both extensions are trusted (PostgreSQL 13+), and PGlite
-- ships them as contrib extensions that lede loads.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION lede_fr (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION lede_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION lede_en (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION lede_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TABLE "article_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"staff_id" uuid,
	"changed_fields" text[] NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "deleted_at" timestamp(3) with time zone;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector(case when language = 'fr' then 'lede_fr'::regconfig else 'lede_en'::regconfig end, coalesce(title, '')), 'A')
        || setweight(to_tsvector(case when language = 'fr' then 'lede_fr'::regconfig else 'lede_en'::regconfig end, coalesce(lede, '')), 'B')
        || setweight(to_tsvector(case when language = 'fr' then 'lede_fr'::regconfig else 'lede_en'::regconfig end, body), 'C')) STORED;--> statement-breakpoint
CREATE UNIQUE INDEX "article_revisions_version_idx" ON "article_revisions" ("article_id","version");--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "articles_title_trgm_idx" ON "articles" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "articles_scheduled_idx" ON "articles" ("published_at") WHERE status = 'scheduled';--> statement-breakpoint
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_staff_id_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE SET NULL;