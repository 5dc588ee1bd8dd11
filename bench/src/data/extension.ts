// The bench-only schema extension for PostGraphile: what its amber preset cannot express from
// the tables alone. PostGraphile users add exactly this kind of SQL function (a "computed
// column": a STABLE function taking the row, exposed as a field of its type). Created in the
// bench database only, with `create or replace`, on every run; lede never sees or uses it.
export const benchExtensionSql = `
create or replace function public.articles_comment_count(a public.articles) returns integer
language sql stable parallel safe as $$
  select count(*)::int from public.comments c
  where c.article_id = a.id and c.status = 'approved'
    and not exists (
      select 1 from public.comments p where p.id = any(c.ancestor_ids) and p.status <> 'approved')
$$;
comment on function public.articles_comment_count(public.articles) is
  'Approved comments at every depth whose ancestors are all approved (lede''s commentCount).';

-- PostGraphile offers ordering only on columns with a full index; published_at has a partial one
-- (status = 'published'), which serves exactly the front page's query. The smart tag says so.
comment on column public.articles.published_at is E'@isIndexed\nPublication instant.';
`;
