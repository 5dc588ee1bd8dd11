-- statement 1 of 2
select "id", "slug", "language", "title", "lede", "status", "published_at", "created_at", "updated_at", "reading_time_minutes", "comments_open", "cover_image_id", "version", "deleted_at", (select coalesce(json_agg(json_build_object('id', a.id, 'slug', a.slug, 'name', a.name)
order by aa.position), '[]'::json)
from article_authors aa
join authors a on a.id = aa.author_id
where aa.article_id = "articles"."id"), (select coalesce(json_agg(json_build_object('id', g.id, 'slug', g.slug, 'name', g.name)), '[]'::json)
from article_tags ag
join tags g on g.id = ag.tag_id
where ag.article_id = "articles"."id"), "articles"."visible_comment_count", json_build_object('total', null, 'rows', (select coalesce(json_agg(json_build_object('id', c0.id, 'authorName', c0.author_name, 'body', c0.body, 'createdAt', (extract(epoch from c0.created_at) * 1000)::int8)
order by c0.created_at asc nulls last, c0.id asc nulls last), '[]'::json)
from ((select "id", "article_id", "parent_id", "author_name", "author_url", "body", "status", "created_at"
from "comments"
where (("comments"."article_id" = "articles"."id") and ("comments"."status" = 'approved') and (("comments"."parent_id" is null)))
order by "comments"."created_at" asc nulls last, "comments"."id" asc nulls last
limit 4)) c0))
from "articles"
where ((("articles"."deleted_at" is null)) and ("articles"."status" in ('published')))
order by "articles"."published_at" desc nulls last, "articles"."id" desc nulls last
limit 21;

-- statement 2 of 2
select count(*)
from "articles"
where ((("articles"."deleted_at" is null)) and ("articles"."status" in ('published')));
