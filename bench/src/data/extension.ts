// Bench-only SQL, applied to the bench database on every run (idempotent); lede never uses it.
//
// 1. Until lede kept its comment count in a column (articles.visible_comment_count, maintained by
//    triggers on comments), the bench gave PostGraphile a computed column that counted threads on
//    every read. PostGraphile now reads the column like any other (`visibleCommentCount`); a
//    reused database loses the old function.
// 2. The indexes each peer's own documentation tells its users to create for the queries it runs
//    here (`peerIndexes`; bench/README.md, "Indexes", says which index serves which query and cites
//    the documentation). lede brings its own, in its migrations; the raw ceiling's SQL is written
//    for lede's indexes. All servers share the one database, so every index is there for all of
//    them: the plans in each result show which server uses which.
//
// `fair: false` (`--without-peer-indexes`) rebuilds the setup this bench had before issue 10: no
// index for PostGraphile's front-page order, only a smart tag that makes PostGraphile offer the
// order anyway. Its plans then sort every published article, and the plan check must fail.
import type postgres from "postgres";

const dropOldCommentCount = "drop function if exists public.articles_comment_count(public.articles)";

export interface PeerIndex {
  peer: "postgraphile";
  name: string;
  definition: string;
  /** The query it serves. */
  serves: string;
}

/**
 * PostGraphile v5's documentation: its index behaviours offer `orderBy` and `condition` only on
 * indexed columns (PgIndexBehaviorsPlugin, on by default), and users index what they order and
 * filter by; "Best practices": always index foreign keys (lede's schema leaves a few that no
 * scenario reads unindexed; `applyPeerSetup` indexes them). Q1's `allArticles(condition: {status}, orderBy: [PUBLISHED_AT_DESC,
 * ROW_ID_DESC])` needs the equality column first, then the order, with PostgreSQL's default
 * placement of NULLs for DESC (first), which is the order PostGraphile writes.
 */
export const peerIndexes: PeerIndex[] = [
  {
    peer: "postgraphile",
    name: "bench_postgraphile_articles_status_published_idx",
    definition: "on public.articles (status, published_at desc, id desc)",
    serves: "Q1 allArticles(condition: { status: published }, orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC])",
  },
];

/** The unfair pre-issue-10 setup: PostGraphile told the column is indexed when no index serves its order. */
const smartTagWithoutIndex = `comment on column public.articles.published_at is E'@isIndexed\\nPublication instant.'`;

/** Where the indexes the bench adds for PostGraphile's "index every foreign key" rule are named from. */
const FK_INDEX_PREFIX = "bench_postgraphile_fk_";

/**
 * Drops the old computed column and applies, with `fair`, each peer's indexes, including one for every
 * foreign key no index leads (PostGraphile's best practices); without, drops them all and puts
 * back the smart tag. Returns the names of the foreign-key indexes the bench added (now or on an
 * earlier run of a reused database).
 */
export async function applyPeerSetup(sql: postgres.Sql, fair: boolean): Promise<string[]> {
  await sql.unsafe(dropOldCommentCount);
  const addedForeignKeyIndexes = async () =>
    (
      await sql<{ name: string }[]>`
        select relname::text as name from pg_class
        where relkind = 'i' and relnamespace = 'public'::regnamespace and relname like ${`${FK_INDEX_PREFIX}%`}
        order by 1`
    ).map((r) => r.name);
  if (!fair) {
    for (const name of [...peerIndexes.map((i) => i.name), ...(await addedForeignKeyIndexes())])
      await sql.unsafe(`drop index if exists public."${name}"`);
    await sql.unsafe(smartTagWithoutIndex);
    return [];
  }
  for (const index of peerIndexes)
    await sql.unsafe(`create index if not exists ${index.name} ${index.definition}`);
  for (const fk of await unindexedForeignKeys(sql)) {
    const name = `${FK_INDEX_PREFIX}${fk.table}_${fk.columns.join("_")}_idx`.slice(0, 63);
    await sql.unsafe(
      `create index if not exists "${name}" on public."${fk.table}" (${fk.columns.map((c) => `"${c}"`).join(", ")})`,
    );
  }
  await sql.unsafe("comment on column public.articles.published_at is null");
  await sql`analyze public.articles`;
  return await addedForeignKeyIndexes();
}

/**
 * Foreign keys whose columns do not lead any index: PostGraphile's best practices say to index
 * every foreign key (and hides the reverse relation of one that is not).
 */
export async function unindexedForeignKeys(
  sql: postgres.Sql,
): Promise<{ table: string; columns: string[] }[]> {
  return await sql<{ table: string; columns: string[] }[]>`
    select c.conrelid::regclass::text as table, array_agg(a.attname::text order by k.i) as columns
    from pg_constraint c
    cross join lateral unnest(c.conkey) with ordinality as k(attnum, i)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace
      and not exists (
        select 1 from pg_index i
        where i.indrelid = c.conrelid and i.indpred is null
          and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
          and c.conkey @> (i.indkey::int2[])[0:cardinality(c.conkey) - 1])
    group by c.oid, c.conrelid
    order by 1, 2`;
}
