-- Folding: lower case without accents. unaccent() is only STABLE (its dictionary could change), so
-- an index may not hold it; this wrapper is IMMUTABLE. Its body is parsed here, binding unaccent's
-- function and dictionary whatever the search_path is later.
CREATE FUNCTION lede_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN lower(unaccent('unaccent'::regdictionary, $1));--> statement-breakpoint
-- Words as search_words keeps them: letters and digits only (no URLs, emails, bare numbers or
-- HTML tags), folded, not stemmed.
CREATE TEXT SEARCH CONFIGURATION lede_words (PARSER = default);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION lede_words ADD MAPPING FOR asciiword, word, numword, hword_asciipart, hword_part, hword_numpart WITH unaccent, simple;--> statement-breakpoint
-- The words of an article as a reader sees it: title, lede and the rendered body's text.
CREATE FUNCTION lede_article_words(title text, lede text, body_html text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT word FROM unnest(tsvector_to_array(to_tsvector('lede_words', concat_ws(' ', title, lede, body_html)))) AS word
  WHERE length(word) BETWEEN 3 AND 40
$$;--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY
);
--> statement-breakpoint
DROP INDEX "quotes_speaker_idx";--> statement-breakpoint
CREATE INDEX "quotes_speaker_idx" ON "quotes" (lede_fold("speaker"));--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- search_words follows the public articles: after every statement that inserts or updates
-- articles (one pass over its rows, so a bulk COPY costs one insert), the words of the rows that
-- are public now. Words are never removed: one left from an unpublished article corrects to
-- nothing that search then finds.
CREATE FUNCTION lede_collect_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
  SELECT DISTINCT word FROM changed, lede_article_words(changed.title, changed.lede, changed.body_html) AS word
  WHERE changed.status = 'published' AND changed.deleted_at IS NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER articles_search_words_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS changed
FOR EACH STATEMENT EXECUTE FUNCTION lede_collect_search_words();--> statement-breakpoint
CREATE TRIGGER articles_search_words_update AFTER UPDATE ON articles REFERENCING NEW TABLE AS changed
FOR EACH STATEMENT EXECUTE FUNCTION lede_collect_search_words();--> statement-breakpoint
INSERT INTO search_words (word)
SELECT DISTINCT word FROM articles, lede_article_words(articles.title, articles.lede, articles.body_html) AS word
WHERE articles.status = 'published' AND articles.deleted_at IS NULL
ON CONFLICT DO NOTHING;
