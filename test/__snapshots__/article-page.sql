-- statement 1 of 1
select "id", "slug", "language", "title", "lede", "body", "body_html", "status", "published_at", "created_at", "updated_at", "reading_time_minutes", "comments_open", "cover_image_id", "version", "deleted_at", (select coalesce(json_agg(json_build_object('id', a.id, 'slug', a.slug, 'name', a.name, 'bio', a.bio, 'avatarUrl', a.avatar_url, 'jobTitle', a.job_title, 'links', a.links, 'createdAt', (extract(epoch from a.created_at) * 1000)::int8)
order by aa.position), '[]'::json)
from article_authors aa
join authors a on a.id = aa.author_id
where aa.article_id = "articles"."id"), (select coalesce(json_agg(json_build_object('id', q.id, 'articleId', q.article_id, 'speaker', q.speaker, 'speakerRole', q.speaker_role, 'text', q.text, 'position', q.position, 'createdAt', (extract(epoch from q.created_at) * 1000)::int8)
order by q.position), '[]'::json)
from quotes q
where q.article_id = "articles"."id"), (select coalesce(json_agg(json_build_object('id', s.id, 'articleId', s.article_id, 'title', s.title, 'publisher', s.publisher, 'url', s.url, 'position', s.position)
order by s.position), '[]'::json)
from sources s
where s.article_id = "articles"."id"), "articles"."visible_comment_count", json_build_object('total', (select count(*)::int
from "comments"
where (("comments"."article_id" = "articles"."id") and ("comments"."status" = 'approved') and (("comments"."parent_id" is null)))), 'rows', (select coalesce(json_agg(json_build_object('id', c0.id, 'authorName', c0.author_name, 'body', c0.body, 'createdAt', (extract(epoch from c0.created_at) * 1000)::int8, 'replyCount', c0.reply_count, 'replies', json_build_object('total', null, 'rows', (select coalesce(json_agg(json_build_object('id', c1.id, 'authorName', c1.author_name, 'body', c1.body, 'createdAt', (extract(epoch from c1.created_at) * 1000)::int8, 'replies', json_build_object('total', null, 'rows', (select coalesce(json_agg(json_build_object('id', c2.id, 'authorName', c2.author_name, 'body', c2.body, 'createdAt', (extract(epoch from c2.created_at) * 1000)::int8)
order by c2.created_at asc nulls last, c2.id asc nulls last), '[]'::json)
from ((select "id", "article_id", "parent_id", "author_name", "author_url", "body", "status", "created_at"
from "comments"
where (("comments"."parent_id" = c1.id) and ("comments"."status" = 'approved'))
order by "comments"."created_at" asc nulls last, "comments"."id" asc nulls last
limit 21)) c2)))
order by c1.created_at asc nulls last, c1.id asc nulls last), '[]'::json)
from ((select "id", "article_id", "parent_id", "author_name", "author_url", "body", "status", "created_at"
from "comments"
where (("comments"."parent_id" = c0.id) and ("comments"."status" = 'approved'))
order by "comments"."created_at" asc nulls last, "comments"."id" asc nulls last
limit 21)) c1)))
order by c0.created_at asc nulls last, c0.id asc nulls last), '[]'::json)
from ((select "id", "article_id", "parent_id", "author_name", "author_url", "body", "status", "created_at", (select count(*)::int
from comments r
where r.parent_id = "comments"."id" and r.status = 'approved') as "reply_count"
from "comments"
where (("comments"."article_id" = "articles"."id") and ("comments"."status" = 'approved') and (("comments"."parent_id" is null)))
order by "comments"."created_at" asc nulls last, "comments"."id" asc nulls last
limit 21)) c0))
from "articles"
where (("articles"."slug" in ($n)) and (("articles"."deleted_at" is null)));
