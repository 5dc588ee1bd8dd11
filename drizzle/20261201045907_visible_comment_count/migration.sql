ALTER TABLE "articles" ADD COLUMN "visible_comment_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- articles.visible_comment_count follows comments: after every statement that inserts, updates or
-- deletes comments, each article it touched is counted again with the one public-comment rule
-- (comment.repo.ts, isPublicComment): approved, and every comment above it approved too. Counting
-- again rather than adding deltas keeps the rule in one place: a parent rejected or restored
-- hides or shows its whole thread.
--
-- Concurrent writers on one article: the first statement locks the articles' rows (FOR NO KEY
-- UPDATE, which does not wait for the foreign-key checks' KEY SHARE locks), so a second writer
-- waits for the first to commit; the count is then a new statement, with a new snapshot (READ
-- COMMITTED) that sees the first writer's comments. Ids in order, so two writers never deadlock.
-- One pass over the articles' comments (grouped), so that a bulk load or the backfill below costs one
-- scan, and a single comment an index seek.
CREATE FUNCTION lede_count_visible_comments(article_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM articles WHERE id = ANY(article_ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE articles a SET visible_comment_count = coalesce(counted.n, 0)
  FROM unnest(article_ids) AS ids(id)
  LEFT JOIN (
    SELECT c.article_id, count(*)::int AS n FROM comments c
    WHERE c.article_id = ANY(article_ids) AND c.status = 'approved'
      AND NOT EXISTS (SELECT 1 FROM comments p WHERE p.id = ANY(c.ancestor_ids) AND p.status <> 'approved')
    GROUP BY c.article_id
  ) counted ON counted.article_id = ids.id
  WHERE a.id = ids.id AND a.visible_comment_count IS DISTINCT FROM coalesce(counted.n, 0);
END
$$;--> statement-breakpoint
CREATE FUNCTION lede_comments_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lede_count_visible_comments(ARRAY(SELECT DISTINCT article_id FROM new_rows));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION lede_comments_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lede_count_visible_comments(ARRAY(SELECT DISTINCT article_id FROM old_rows));
  RETURN NULL;
END
$$;--> statement-breakpoint
-- An edit of a body or a name changes no count: only rows whose status, thread or article moved.
CREATE FUNCTION lede_comments_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lede_count_visible_comments(ARRAY(
    SELECT DISTINCT moved.article_id FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.article_id), (n.article_id)) AS moved(article_id)
    WHERE (o.status, o.article_id, o.parent_id, o.ancestor_ids) IS DISTINCT FROM (n.status, n.article_id, n.parent_id, n.ancestor_ids)));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER comments_visible_count_insert AFTER INSERT ON comments REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION lede_comments_inserted();--> statement-breakpoint
CREATE TRIGGER comments_visible_count_update AFTER UPDATE ON comments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION lede_comments_updated();--> statement-breakpoint
CREATE TRIGGER comments_visible_count_delete AFTER DELETE ON comments REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION lede_comments_deleted();--> statement-breakpoint
-- search_words (migration folded_names_and_search_words) now takes only the updated articles
-- whose words or visibility changed: a count kept above must not read every article's body again.
CREATE OR REPLACE FUNCTION lede_collect_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO search_words (word)
    SELECT DISTINCT word FROM changed JOIN old_rows USING (id),
      lede_article_words(changed.title, changed.lede, changed.body_html) AS word
    WHERE changed.status = 'published' AND changed.deleted_at IS NULL
      AND (changed.title, changed.lede, changed.body_html, changed.status, changed.deleted_at)
        IS DISTINCT FROM (old_rows.title, old_rows.lede, old_rows.body_html, old_rows.status, old_rows.deleted_at)
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO search_words (word)
    SELECT DISTINCT word FROM changed, lede_article_words(changed.title, changed.lede, changed.body_html) AS word
    WHERE changed.status = 'published' AND changed.deleted_at IS NULL
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
DROP TRIGGER articles_search_words_update ON articles;--> statement-breakpoint
CREATE TRIGGER articles_search_words_update AFTER UPDATE ON articles REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed
FOR EACH STATEMENT EXECUTE FUNCTION lede_collect_search_words();--> statement-breakpoint
-- Existing comments: every article counted, in one pass.
SELECT lede_count_visible_comments(ARRAY(SELECT id FROM articles));
