// Moving in from WordPress: a WXR export becomes lede's authors, tags, articles (with their quotes,
// sources, cover and inline images), threaded comments and redirects. The file is read twice as a
// stream: once for the attachments (a post may name its cover before the attachment appears) and
// the total, then for the import itself, a batch of posts and their comments per transaction.
//
// Every item is keyed by the site and its WordPress id in wordpress_items, with a hash of what it
// was imported from: a second run of the same file changes nothing, a newer export updates what
// changed, and a run cut short (Ctrl-C, a crash) continues where it stopped, since every batch it
// finished is kept and recognised. The archive announces nothing: no webhook event is recorded
// and the digest leaves out articles that arrived published (newsletter.repo.ts).
import { createHash, randomUUID } from "node:crypto";
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import type { ArticleStatus, CommentStatus, Language } from "../../db/schema.ts";
import {
  articleAuthors,
  articleImages,
  articles,
  articleTags,
  authors,
  comments,
  quotes,
  sources,
  tags,
} from "../../db/schema.ts";
import { hashIp } from "../../infra/client-info.ts";
import { readingTimeMinutes, renderBody } from "../article/article.content.ts";
import { candidate, slugify } from "../article/article.slug.ts";
import { fetchImage } from "../media/media.fetch.ts";
import { addImage, imagesByIds, type MediaServices } from "../media/media.service.ts";
import {
  findMappedImages,
  findMappings,
  insertRows,
  type Mapped,
  type MappingRow,
  takenSlugs,
  upsertMappings,
  upsertRedirects,
  type WordpressKind,
} from "./wordpress-import.repo.ts";
import {
  type ConvertedBody,
  convertBody,
  decodeEntities,
  htmlToText,
  resolveImagePlaceholders,
} from "./wxr.body.ts";
import { readWxr, type WxrAuthor, type WxrComment, type WxrHeader, type WxrItem } from "./wxr.reader.ts";

/** What the import tells the response cache once it is done. */
export interface ImportCacheInvalidation {
  articleListsChanged(): Promise<void>;
  authorListsChanged(): Promise<void>;
  tagsChanged(): Promise<void>;
}

export interface WordpressImportServices {
  db: Database;
  now: () => Date;
  /** LEDE_SECRET: commenters' IPs are kept only as lede hashes them. */
  secret: string;
  /** Where media go; the import takes images through the media rules. */
  media: MediaServices;
  cache: ImportCacheInvalidation;
}

export interface WordpressImportOptions {
  file: string;
  /** A copy of wp-content/uploads. */
  uploadsDir?: string | undefined;
  /** Where wp-content/uploads is served, fetched with the media import's address checks. */
  uploadsUrl?: string | undefined;
  dryRun?: boolean | undefined;
  /** The articles' language; else the export's own (<language>), else French. */
  language?: Language | undefined;
  /** Posts per transaction. */
  batchSize?: number | undefined;
  /** Aborted: the batch in progress finishes, and the import stops there. */
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

export interface ImportProgress {
  /** Items read (posts, pages, attachments…) of `total`. */
  items: number;
  total: number;
  posts: number;
  comments: number;
  elapsedMs: number;
}

export type ReportKind = "authors" | "tags" | "articles" | "comments" | "images";

export interface KindReport {
  imported: number;
  updated: number;
  unchanged: number;
  /** By reason. */
  skipped: Record<string, number>;
}

export interface ImportWarning {
  /** What the WordPress id names: a post, a comment, an author, an attachment or a term. */
  kind: "post" | "comment" | "author" | "attachment" | "term";
  wpId: string;
  message: string;
}

export interface ImportReport {
  site: string;
  wxrVersion: string;
  dryRun: boolean;
  /** Stopped before the end (a signal): run again to continue. */
  interrupted: boolean;
  kinds: Record<ReportKind, KindReport>;
  /** Old URLs that now lead to an article. */
  redirects: number;
  /** Shortcodes kept as text, by name, with how many posts have each. */
  shortcodes: Record<string, number>;
  warnings: ImportWarning[];
  /** Warnings beyond the first MAX_WARNINGS, counted only. */
  moreWarnings: number;
}

export const MAX_WARNINGS = 1000;
const DEFAULT_BATCH_SIZE = 250;
/** A batch also ends at this many comments, so one with long threads stays small. */
const MAX_BATCH_COMMENTS = 5_000;

const POST_STATUS: Record<string, ArticleStatus> = {
  publish: "published",
  future: "scheduled",
  draft: "draft",
  pending: "draft",
  private: "draft",
};

const COMMENT_STATUS: Record<string, CommentStatus> = {
  "1": "approved",
  "0": "pending",
  spam: "spam",
  trash: "trash",
  "post-trashed": "trash",
};

interface Attachment {
  url: string;
  alt: string;
  caption: string;
  credit: string;
}

class Interrupted extends Error {}
class DryRunRollback extends Error {}

const sha = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("base64url");

/** "2024-03-05 08:30:00" (UTC, or the site's time for post_date) → a Date; null for WordPress's zero date. */
export function wpDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match || match[1] === "0000") return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}.000Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** WordPress slugs are percent-encoded UTF-8 ("%c3%a9t%c3%a9"): lede keeps them readable ("été"). */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug.trim()).toLowerCase();
  } catch {
    return slug.trim().toLowerCase();
  }
}

/** The site an export comes from, without scheme or trailing slash: the key of its items. */
export function siteKey(header: WxrHeader): string {
  const url = header.baseBlogUrl || header.baseSiteUrl || header.link;
  return (
    url
      .replace(/^https?:\/\//i, "")
      .replace(/\/+$/, "")
      .toLowerCase() || "wordpress"
  );
}

/** The credit WordPress read from the image's IPTC data, inside its PHP-serialised metadata. */
function creditOf(metadata: string | undefined): string {
  if (!metadata) return "";
  for (const key of ["credit", "copyright"]) {
    const match = new RegExp(`s:${key.length}:"${key}";s:\\d+:"([^"]*)";`).exec(metadata);
    if (match?.[1]) return match[1];
  }
  return "";
}

/** The path of an uploads URL under wp-content/uploads ("2024/03/photo.jpg"), or null. */
export function uploadsPath(url: string): string | null {
  const parsed = URL.parse(url, "https://wordpress.invalid/");
  if (!parsed) return null;
  const match = /\/wp-content\/uploads\/(.+)$/.exec(decodeURIComponent(parsed.pathname));
  return match?.[1] ?? null;
}

/** An old URL as a redirect's key: its path and query, as the old site's readers requested it. */
function oldPath(url: string): string | null {
  const parsed = URL.parse(url);
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return null;
  return `${parsed.pathname}${parsed.search}`;
}

const emptyKind = (): KindReport => ({ imported: 0, updated: 0, unchanged: 0, skipped: {} });

/** The import of one file: its report, and the state a run carries from batch to batch. */
class ImportRun {
  readonly report: ImportReport;
  site = "";
  language: Language = "fr";
  header: WxrHeader | null = null;
  readonly attachments = new Map<string, Attachment>();
  /** Posts of the file, counted by the first pass, for the progress bar. */
  totalItems = 0;
  items = 0;
  posts = 0;
  commentsSeen = 0;
  readonly startedAt = performance.now();
  readonly authorIds = new Map<string, string>();
  readonly tagIds = new Map<string, string>();
  /** Files of this run that could not be read, with why. */
  readonly missingImages = new Map<string, string>();
  fallbackAuthorId: string | null = null;
  batch: WxrItem[] = [];
  batchComments = 0;
  /** The write of the last batch, while it is in flight. */
  writing: Promise<void> | null = null;
  writingIds = new Set<string>();
  changed = false;

  readonly services: WordpressImportServices;
  readonly options: WordpressImportOptions;

  constructor(services: WordpressImportServices, options: WordpressImportOptions) {
    this.services = services;
    this.options = options;
    this.report = {
      site: "",
      wxrVersion: "",
      dryRun: Boolean(options.dryRun),
      interrupted: false,
      kinds: {
        authors: emptyKind(),
        tags: emptyKind(),
        articles: emptyKind(),
        comments: emptyKind(),
        images: emptyKind(),
      },
      redirects: 0,
      shortcodes: {},
      warnings: [],
      moreWarnings: 0,
    };
  }

  warn(kind: ImportWarning["kind"], wpId: string, message: string) {
    if (this.report.warnings.length < MAX_WARNINGS) this.report.warnings.push({ kind, wpId, message });
    else this.report.moreWarnings++;
  }

  skip(kind: ReportKind, reason: string, by = 1) {
    const skipped = this.report.kinds[kind].skipped;
    skipped[reason] = (skipped[reason] ?? 0) + by;
  }

  progress() {
    this.options.onProgress?.({
      items: this.items,
      total: this.totalItems,
      posts: this.posts,
      comments: this.commentsSeen,
      elapsedMs: performance.now() - this.startedAt,
    });
  }
}

/**
 * Imports the export at `options.file`. Bad input (not XML, not WXR) throws a WxrError before
 * anything is written: the first pass reads the whole file.
 */
export async function importWordpress(
  services: WordpressImportServices,
  options: WordpressImportOptions,
): Promise<ImportReport> {
  const run = new ImportRun(services, options);
  await readWxr(options.file, {
    comments: false,
    item(item) {
      run.totalItems++;
      if (item.postType === "attachment") {
        run.attachments.set(item.id, {
          url: item.attachmentUrl || item.guid,
          alt: item.meta._wp_attachment_image_alt ?? "",
          caption: htmlToText(item.excerpt),
          credit: creditOf(item.meta._wp_attachment_metadata),
        });
      }
    },
  });

  const work = async (db: Executor) => {
    try {
      await readWxr(options.file, {
        header: (header) => importHeader(run, db, header),
        async item(item) {
          run.items++;
          await takeItem(run, db, item);
        },
      });
    } catch (error) {
      // The batch in flight was whole: it commits (or fails) before the error is told.
      await finishWriting(run).catch(() => {});
      throw error;
    }
    await flushBatch(run, db);
    await finishWriting(run);
  };
  try {
    if (options.dryRun) {
      // One transaction, rolled back: the report is the one a real run would give.
      await services.db
        .transaction(async (tx) => {
          await work(tx);
          throw new DryRunRollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof DryRunRollback)) throw error;
        });
    } else {
      await work(services.db);
    }
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error;
    run.report.interrupted = true;
  }
  run.progress();
  if (!options.dryRun && run.changed) {
    await services.cache.articleListsChanged();
    await services.cache.authorListsChanged();
    await services.cache.tagsChanged();
  }
  return run.report;
}

// ---- Authors and terms -------------------------------------------------------------------------

const authorName = (author: WxrAuthor) =>
  decodeEntities(
    author.displayName.trim() || `${author.firstName} ${author.lastName}`.trim() || author.login.trim(),
  );

async function importHeader(run: ImportRun, db: Executor, header: WxrHeader): Promise<void> {
  run.header = header;
  run.site = siteKey(header);
  run.report.site = run.site;
  run.report.wxrVersion = header.wxrVersion;
  const exportLanguage = header.language.slice(0, 2).toLowerCase();
  run.language = run.options.language ?? (exportLanguage === "en" ? "en" : "fr");
  await db.transaction(async (tx) => {
    for (const author of header.authors) {
      if (!author.login.trim()) {
        run.warn("author", author.id, "An author without a login was left out");
        run.skip("authors", "no login");
        continue;
      }
      await ensureAuthor(run, tx, author.login.trim(), {
        name: authorName(author),
        email: author.email.trim(),
        wpId: author.id,
      });
    }
    for (const term of header.terms) {
      if (term.taxonomy !== "category" && term.taxonomy !== "post_tag") {
        run.skip("tags", `taxonomy ${term.taxonomy || "(none)"}`);
        continue;
      }
      await ensureTag(run, tx, decodeSlug(term.slug), decodeEntities(term.name));
    }
  });
}

/** The author of `login`: mapped before, matched by slug, or created; updated when its name changed. */
async function ensureAuthor(
  run: ImportRun,
  tx: Executor,
  login: string,
  source: { name: string; email: string; wpId: string },
): Promise<string> {
  const known = run.authorIds.get(login);
  if (known) return known;
  const hash = sha([source.name, source.email]);
  const [mapped] = (await findMappings(tx, run.site, "author", [login])).values();
  const kind = run.report.kinds.authors;
  let id: string;
  if (mapped) {
    id = mapped.ledeId;
    if (mapped.hash === hash) kind.unchanged++;
    else {
      await tx.update(authors).set({ name: source.name }).where(eq(authors.id, id));
      kind.updated++;
      run.changed = true;
    }
  } else {
    const slug = slugify(login, "auteur");
    const [existing] = await tx.select({ id: authors.id }).from(authors).where(eq(authors.slug, slug));
    if (existing) {
      id = existing.id;
      run.warn("author", source.wpId || login, `Linked to the existing lede author "${slug}"`);
      kind.unchanged++;
    } else {
      id = randomUUID();
      await tx.insert(authors).values({ id, slug, name: source.name });
      kind.imported++;
      run.changed = true;
    }
  }
  if (!mapped || mapped.hash !== hash) {
    await upsertMappings(tx, [
      mapping(run, "author", login, id, hash, source.email ? { email: source.email } : null),
    ]);
  }
  run.authorIds.set(login, id);
  return id;
}

async function ensureTag(run: ImportRun, tx: Executor, slug: string, name: string): Promise<string | null> {
  if (!slug) return null;
  const known = run.tagIds.get(slug);
  if (known) return known;
  const tagName = name.trim() || slug;
  const hash = sha([tagName]);
  const [mapped] = (await findMappings(tx, run.site, "tag", [slug])).values();
  const kind = run.report.kinds.tags;
  let id: string;
  if (mapped) {
    id = mapped.ledeId;
    if (mapped.hash === hash) kind.unchanged++;
    else {
      await tx.update(tags).set({ name: tagName }).where(eq(tags.id, id));
      kind.updated++;
      run.changed = true;
    }
  } else {
    const [existing] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug));
    if (existing) {
      id = existing.id;
      kind.unchanged++;
    } else {
      id = randomUUID();
      await tx.insert(tags).values({ id, slug, name: tagName });
      kind.imported++;
      run.changed = true;
    }
  }
  if (!mapped || mapped.hash !== hash) await upsertMappings(tx, [mapping(run, "tag", slug, id, hash, null)]);
  run.tagIds.set(slug, id);
  return id;
}

function mapping(
  run: ImportRun,
  kind: WordpressKind,
  wpId: string,
  ledeId: string,
  hash: string,
  details: Record<string, unknown> | null,
): MappingRow {
  return { site: run.site, kind, wpId, ledeId, hash, details, importedAt: run.services.now() };
}

// ---- Items -------------------------------------------------------------------------------------

async function takeItem(run: ImportRun, db: Executor, item: WxrItem): Promise<void> {
  if (item.postType !== "post") {
    // Attachments are read in the first pass; pages, menus, revisions and custom types are not articles.
    if (item.postType !== "attachment") run.skip("articles", `post type ${item.postType || "(none)"}`);
    return;
  }
  if (item.status === "trash") return run.skip("articles", "trash");
  if (!POST_STATUS[item.status]) return run.skip("articles", `status ${item.status || "(none)"}`);
  run.batch.push(item);
  run.batchComments += item.comments.length;
  if (
    run.batch.length >= (run.options.batchSize ?? DEFAULT_BATCH_SIZE) ||
    run.batchComments >= MAX_BATCH_COMMENTS
  ) {
    await flushBatch(run, db);
  }
}

interface PlannedImage {
  key: string;
  /** Where the bytes are: a path in --uploads, or a URL. */
  url: string;
  attachment: Attachment | null;
}

interface PlannedPost {
  item: WxrItem;
  hash: string;
  authorLogin: string;
  tagSlugs: { slug: string; name: string }[];
  cover: PlannedImage | null;
  /** The mapping of an earlier run, if any. */
  mapped: Mapped | undefined;
  /** Converted only when the post changed (or is new): a second run reads and hashes, nothing more. */
  converted: ConvertedBody;
  bodyImages: (PlannedImage | null)[];
}

/** The file behind an uploads URL, its key being its path under uploads. */
function planImage(run: ImportRun, src: string, attachmentId: string | null): PlannedImage | null {
  const attachment = attachmentId ? (run.attachments.get(attachmentId) ?? null) : null;
  // The attachment names the full-size file; a body shows a resized copy (photo-300x200.jpg).
  const url = attachment?.url || src;
  const key = uploadsPath(url);
  if (!key) return null;
  return { key, url, attachment };
}

const unconverted: ConvertedBody = { markdown: "", quotes: [], sources: [], images: [], shortcodes: [] };

function planPost(run: ImportRun, item: WxrItem, mapped: Mapped | undefined): PlannedPost {
  const thumbnail = item.meta._thumbnail_id;
  const attachment = thumbnail ? run.attachments.get(thumbnail) : undefined;
  const cover = attachment ? planImage(run, attachment.url, thumbnail ?? null) : null;
  const seen = new Set<string>();
  const tagSlugs: { slug: string; name: string }[] = [];
  for (const term of item.terms) {
    if (term.domain && term.domain !== "category" && term.domain !== "post_tag" && term.domain !== "tag")
      continue;
    const name = decodeEntities(term.name).trim();
    const slug = term.nicename ? decodeSlug(term.nicename) : slugify(name, "");
    if (slug && !seen.has(slug)) {
      seen.add(slug);
      tagSlugs.push({ slug, name });
    }
  }
  const hash = sha([
    item.title,
    item.content,
    item.excerpt,
    item.postName,
    item.status,
    item.postDateGmt,
    item.postDate,
    item.modifiedGmt,
    item.commentStatus,
    item.creator,
    tagSlugs,
    cover?.key ?? null,
    cover?.attachment ?? null,
    run.language,
  ]);
  const planned = { item, hash, mapped, authorLogin: item.creator.trim(), tagSlugs, cover };
  if (mapped?.hash === hash) return { ...planned, converted: unconverted, bodyImages: [] };
  if (thumbnail && !attachment) {
    run.warn("post", item.id, `The featured image (attachment ${thumbnail}) is not in the export`);
  }
  const converted = convertBody(item.content);
  const bodyImages = converted.images.map((use) => planImage(run, use.src, use.attachmentId));
  return { ...planned, converted, bodyImages };
}

const isUnchanged = (post: PlannedPost) => post.mapped?.hash === post.hash;

/**
 * A post imported while some of its image files could not be read is recorded with how many could
 * (`hash~N`): the next run tries those files again, and rewrites the post only if more are found.
 */
const withImagesFound = (hash: string, found: number, wanted: number) =>
  found < wanted ? `${hash}~${found}` : hash;

function imagesFoundBefore(post: PlannedPost): number | null {
  const stored = post.mapped?.hash;
  if (!stored?.startsWith(`${post.hash}~`)) return null;
  return Number(stored.slice(post.hash.length + 1));
}

/** The image ids of the batch's files by key: mapped before, or added now (not in a dry run). */
async function resolveImages(
  run: ImportRun,
  db: Executor,
  planned: PlannedPost[],
): Promise<Map<string, string>> {
  const wanted = new Map<string, PlannedImage>();
  for (const post of planned) {
    if (isUnchanged(post)) continue;
    for (const image of [post.cover, ...post.bodyImages])
      if (image && !wanted.has(image.key)) wanted.set(image.key, image);
  }
  const ids = await findMappedImages(db, run.site, [...wanted.keys()]);
  const kind = run.report.kinds.images;
  kind.unchanged += ids.size;
  const { uploadsDir, uploadsUrl, dryRun } = run.options;
  for (const [key, image] of wanted) {
    if (ids.has(key)) continue;
    if (!uploadsDir && !uploadsUrl) {
      run.skip("images", "no --uploads or --uploads-url");
      continue;
    }
    try {
      const bytes = await readUpload(run, key);
      if (dryRun) {
        kind.imported++;
        continue;
      }
      const added = await addImage(
        run.services.media,
        null,
        bytes,
        {
          alt: image.attachment?.alt.slice(0, 1000) || null,
          caption: image.attachment?.caption.slice(0, 2000) || null,
          credit: image.attachment?.credit.slice(0, 300) || null,
        },
        "file",
        { announce: false },
      );
      ids.set(key, added.id);
      await upsertMappings(db, [mapping(run, "image", key, added.id, sha([key]), null)]);
      kind.imported++;
      run.changed = true;
    } catch (error) {
      run.skip("images", "missing or unreadable");
      run.missingImages.set(image.key, error instanceof Error ? error.message : String(error));
    }
  }
  return ids;
}

async function readUpload(run: ImportRun, key: string): Promise<Uint8Array> {
  const { uploadsDir, uploadsUrl, dryRun } = run.options;
  if (uploadsDir) {
    const root = path.resolve(uploadsDir);
    const file = path.resolve(root, key);
    if (!file.startsWith(`${root}${path.sep}`)) throw new Error(`${key} is outside the uploads directory`);
    if (dryRun) {
      await access(file);
      return new Uint8Array();
    }
    return readFile(file);
  }
  const url = `${(uploadsUrl as string).replace(/\/+$/, "")}/${key.split("/").map(encodeURIComponent).join("/")}`;
  if (dryRun) return new Uint8Array();
  return fetchImage(url, run.services.media.media.maxUploadBytes, run.services.media.media);
}

/**
 * Plans the batch read so far (its mappings, its bodies converted) while the batch before it is
 * still being written, then starts its own write and returns: reading and converting the next
 * posts overlaps the database's work on these. One write is in flight at a time, in file order.
 */
async function flushBatch(run: ImportRun, db: Executor): Promise<void> {
  if (!run.batch.length) return;
  const items = run.batch;
  run.batch = [];
  run.batchComments = 0;
  // A post the batch in flight also holds (an export that repeats an id) is looked up after it.
  if (items.some((item) => run.writingIds.has(item.id))) await finishWriting(run);
  const mappings = await findMappings(
    db,
    run.site,
    "post",
    items.map((item) => item.id),
  );
  const planned = items.map((item) => planPost(run, item, mappings.get(item.id)));
  await finishWriting(run);
  if (run.options.signal?.aborted) throw new Interrupted();
  const imageIds = await resolveImages(run, db, planned);
  const writing = db
    .transaction((tx) => writeBatch(run, tx, planned, imageIds))
    .then(() => {
      run.posts += items.length;
      run.commentsSeen += items.reduce((sum, item) => sum + item.comments.length, 0);
      run.progress();
    });
  // Awaited by the next flush or at the end; marked handled now so that a failure waits for them.
  writing.catch(() => {});
  run.writing = writing;
  run.writingIds = new Set(items.map((item) => item.id));
  // A dry run is one transaction: its batches are written one after the other.
  if (run.options.dryRun) await finishWriting(run);
}

/** Waits for the batch in flight, if any; its failure is the import's. */
async function finishWriting(run: ImportRun): Promise<void> {
  const writing = run.writing;
  run.writing = null;
  await writing;
}

async function writeBatch(
  run: ImportRun,
  tx: Executor,
  planned: PlannedPost[],
  imageIds: Map<string, string>,
): Promise<void> {
  const now = run.services.now();
  const images = await imagesByIds(tx, [...imageIds.values()]);
  const kind = run.report.kinds.articles;

  const articleRows: (typeof articles.$inferInsert)[] = [];
  const updates: { id: string; values: Partial<typeof articles.$inferInsert> }[] = [];
  const bylineRows: (typeof articleAuthors.$inferInsert)[] = [];
  const tagRows: (typeof articleTags.$inferInsert)[] = [];
  const quoteRows: (typeof quotes.$inferInsert)[] = [];
  const sourceRows: (typeof sources.$inferInsert)[] = [];
  const imageRows: (typeof articleImages.$inferInsert)[] = [];
  const redirectRows: { fromPath: string; articleId: string }[] = [];
  const mappings: MappingRow[] = [];
  const articleIds = new Map<string, string>();

  // Slugs: the old site's, made unique against lede's articles and each other.
  const fresh = planned.filter((post) => !post.mapped);
  const wantedSlugs = fresh.map((post) => decodeSlug(post.item.postName) || slugify(post.item.title));
  const taken = await takenSlugs(tx, wantedSlugs);
  const slugOf = new Map<string, string>();
  for (const [index, post] of fresh.entries()) {
    const base = wantedSlugs[index] as string;
    let slug = base;
    for (let n = 2; taken.has(slug); n++) {
      slug = candidate(base, n);
      if (!taken.has(slug)) {
        const more = await takenSlugs(tx, [slug]);
        if (more.has(slug)) taken.add(slug);
      }
    }
    if (slug !== base) {
      run.warn(
        "post",
        post.item.id,
        `The slug "${base}" is taken: the article is "${slug}", its old URL redirects`,
      );
    }
    taken.add(slug);
    slugOf.set(post.item.id, slug);
  }

  for (const post of planned) {
    const { item, converted, mapped } = post;
    const articleId = mapped?.ledeId ?? randomUUID();
    articleIds.set(item.id, articleId);
    const wantedImages = [post.cover, ...post.bodyImages].filter((image) => image !== null);
    const foundImages = wantedImages.filter((image) => imageIds.has(image.key)).length;
    if (isUnchanged(post) || imagesFoundBefore(post) === foundImages) {
      kind.unchanged++;
      continue;
    }
    for (const name of new Set(converted.shortcodes)) {
      run.report.shortcodes[name] = (run.report.shortcodes[name] ?? 0) + 1;
      run.warn("post", item.id, `Shortcode [${name}] kept as text`);
    }

    const authorId = await postAuthor(run, tx, post);
    const tagIds: string[] = [];
    for (const tag of post.tagSlugs) {
      const id = await ensureTag(run, tx, tag.slug, tag.name);
      if (id && !tagIds.includes(id)) tagIds.push(id);
    }

    let coverImageId: string | null = null;
    if (post.cover) {
      coverImageId = imageIds.get(post.cover.key) ?? null;
      if (!coverImageId && !run.options.dryRun) {
        const why = run.missingImages.get(post.cover.key) ?? "no --uploads or --uploads-url was given";
        run.warn("post", item.id, `Imported without its cover: ${post.cover.key} could not be read (${why})`);
      }
    }
    const shownImages = new Set<string>();
    const markdown = resolveImagePlaceholders(converted.markdown, (index) => {
      const planned = post.bodyImages[index];
      const id = planned ? imageIds.get(planned.key) : undefined;
      if (id) {
        shownImages.add(id);
        // lede's figure shows the image's own caption; a different one written in this body stays below it.
        const caption = converted.images[index]?.caption.trim();
        const own = planned?.attachment?.caption.trim();
        return { target: `lede:image/${id}`, caption: caption && caption !== own ? caption : undefined };
      }
      const src = converted.images[index]?.src ?? "";
      if (!run.options.dryRun) {
        run.warn(
          "post",
          item.id,
          `An image of the body could not be imported (${src || "no source"}); its old URL is kept`,
        );
      }
      return /^https:\/\//i.test(src) ? { target: src } : null;
    });
    const status = POST_STATUS[item.status] as ArticleStatus;
    let publishedAt: Date | null = null;
    if (status !== "draft") {
      publishedAt = wpDate(item.postDateGmt);
      if (!publishedAt) {
        publishedAt = wpDate(item.postDate) ?? now;
        run.warn("post", item.id, "No post_date_gmt: the site's local date was read as UTC");
      }
    }
    if (item.status === "private") run.warn("post", item.id, "Was private: imported as a draft");
    let title = decodeEntities(item.title).trim();
    if (!title) {
      title = run.language === "fr" ? "(sans titre)" : "(untitled)";
      run.warn("post", item.id, "The post has no title");
    }
    if (title.length > 300) {
      title = title.slice(0, 300);
      run.warn("post", item.id, "The title was cut to 300 characters");
    }
    let lede: string | null = htmlToText(item.excerpt) || null;
    if (lede && lede.length > 1000) {
      lede = lede.slice(0, 1000);
      run.warn("post", item.id, "The excerpt was cut to 1000 characters");
    }
    const bodyImages = new Map(
      [...shownImages].flatMap((id) => (images.has(id) ? [[id, images.get(id)]] : [])) as [
        string,
        NonNullable<ReturnType<typeof images.get>>,
      ][],
    );
    const values = {
      language: run.language,
      title,
      lede,
      body: markdown,
      bodyHtml: renderBody(markdown, bodyImages),
      readingTimeMinutes: readingTimeMinutes(markdown),
      status,
      publishedAt,
      updatedAt: wpDate(item.modifiedGmt) ?? publishedAt ?? now,
      commentsOpen: item.commentStatus === "open",
      coverImageId,
    };
    if (mapped) {
      updates.push({ id: articleId, values });
      kind.updated++;
    } else {
      articleRows.push({ id: articleId, slug: slugOf.get(item.id) as string, ...values });
      kind.imported++;
    }
    bylineRows.push({ articleId, authorId, position: 0 });
    for (const tagId of tagIds) tagRows.push({ articleId, tagId });
    converted.quotes.forEach((quote, position) => {
      quoteRows.push({ articleId, ...quote, position });
    });
    converted.sources.forEach((source, position) => {
      sourceRows.push({ articleId, ...source, position });
    });
    for (const imageId of shownImages) imageRows.push({ articleId, imageId });
    const paths = new Set(
      [item.link, item.guid, `${run.header?.baseBlogUrl || "https://wordpress.invalid"}/?p=${item.id}`]
        .map((url) => oldPath(url))
        .filter((p): p is string => Boolean(p) && p !== "/"),
    );
    for (const fromPath of paths) redirectRows.push({ fromPath, articleId });
    const details = {
      arrivedPublished: status === "published",
      ...(item.status === "private" && { private: true }),
    };
    const hash = withImagesFound(post.hash, foundImages, wantedImages.length);
    mappings.push(mapping(run, "post", item.id, articleId, hash, details));
  }

  await insertRows(tx, articles, articleRows);
  for (const update of updates) {
    await tx
      .update(articles)
      .set({ ...update.values, version: sql`${articles.version} + 1` })
      .where(eq(articles.id, update.id));
  }
  const replaced = updates.map((update) => update.id);
  if (replaced.length) {
    for (const table of [articleAuthors, articleTags, quotes, sources, articleImages] as const) {
      await tx.delete(table).where(inArray(table.articleId, replaced));
    }
  }
  await insertRows(tx, articleAuthors, bylineRows);
  await insertRows(tx, articleTags, tagRows);
  await insertRows(tx, quotes, quoteRows);
  await insertRows(tx, sources, sourceRows);
  await insertRows(tx, articleImages, imageRows);
  await upsertRedirects(tx, redirectRows);
  run.report.redirects += redirectRows.length;
  await upsertMappings(tx, mappings);
  if (articleRows.length || updates.length) run.changed = true;

  await writeComments(run, tx, planned, articleIds);
}

/** The byline of a post: its author, or one made from its login when the export lacks it. */
async function postAuthor(run: ImportRun, tx: Executor, post: PlannedPost): Promise<string> {
  const login = post.authorLogin;
  if (login) {
    const known = run.authorIds.get(login);
    if (known) return known;
    if (run.header && run.header.wxrVersion !== "1.0") {
      run.warn(
        "post",
        post.item.id,
        `Its author "${login}" is not among the export's authors: made from the login`,
      );
    }
    return ensureAuthor(run, tx, login, { name: login, email: "", wpId: login });
  }
  run.warn("post", post.item.id, "The post has no author: credited to the site");
  run.fallbackAuthorId ??= await ensureAuthor(run, tx, "wordpress", {
    name: decodeEntities(run.header?.title.trim() || "WordPress"),
    email: "",
    wpId: "",
  });
  return run.fallbackAuthorId;
}

// ---- Comments ----------------------------------------------------------------------------------

interface PlannedComment {
  comment: WxrComment;
  status: CommentStatus;
  ledeId: string;
  parentWpId: string | null;
  mapped: boolean;
  hash: string;
}

async function writeComments(
  run: ImportRun,
  tx: Executor,
  planned: PlannedPost[],
  articleIds: Map<string, string>,
): Promise<void> {
  const kind = run.report.kinds.comments;
  const allIds = planned.flatMap((post) => post.item.comments.map((comment) => comment.id));
  const known = await findMappings(tx, run.site, "comment", allIds);
  const inserts: (typeof comments.$inferInsert & { depth: number })[] = [];
  const mappings: MappingRow[] = [];
  const anonymous = run.language === "fr" ? "Anonyme" : "Anonymous";

  for (const post of planned) {
    const articleId = articleIds.get(post.item.id) as string;
    const byWpId = new Map<string, PlannedComment>();
    for (const comment of post.item.comments) {
      const type = comment.type.trim() || "comment";
      if (type === "pingback" || type === "trackback") {
        run.skip("comments", `${type}s`);
        continue;
      }
      if (type !== "comment") {
        run.skip("comments", `type ${type}`);
        continue;
      }
      const status = COMMENT_STATUS[comment.approved.trim()];
      if (!status) {
        run.skip("comments", `status ${comment.approved || "(none)"}`);
        continue;
      }
      const mapped = known.get(comment.id);
      const parent = comment.parent.trim();
      byWpId.set(comment.id, {
        comment,
        status,
        ledeId: mapped?.ledeId ?? randomUUID(),
        parentWpId: parent && parent !== "0" ? parent : null,
        mapped: Boolean(mapped),
        hash: "",
      });
    }
    // The thread: each comment's ancestors, root first, through parents that were imported.
    const ancestorsOf = new Map<string, PlannedComment[]>();
    const chain = (planned: PlannedComment, seen: Set<string>): PlannedComment[] => {
      const cached = ancestorsOf.get(planned.comment.id);
      if (cached) return cached;
      let result: PlannedComment[] = [];
      if (planned.parentWpId) {
        const parent = byWpId.get(planned.parentWpId);
        if (!parent || seen.has(parent.comment.id)) {
          run.warn(
            "comment",
            planned.comment.id,
            `Its parent comment ${planned.parentWpId} is not in the export: imported as a top-level comment`,
          );
          planned.parentWpId = null;
        } else {
          seen.add(planned.comment.id);
          result = [...chain(parent, seen), parent];
        }
      }
      ancestorsOf.set(planned.comment.id, result);
      return result;
    };
    for (const planned of byWpId.values()) {
      const ancestors = chain(planned, new Set([planned.comment.id]));
      const { comment } = planned;
      const ancestorIds = ancestors.map((a) => a.ledeId);
      const hash = sha([ancestorIds, comment]);
      const mapped = known.get(comment.id);
      if (mapped?.hash === hash) {
        kind.unchanged++;
        continue;
      }
      const createdAt = wpDate(comment.dateGmt) ?? wpDate(comment.date) ?? run.services.now();
      const url = comment.authorUrl.trim();
      const values = {
        id: planned.ledeId,
        articleId,
        parentId: ancestorIds.at(-1) ?? null,
        ancestorIds,
        authorName: decodeEntities(comment.author).trim().slice(0, 245) || anonymous,
        authorEmail: comment.authorEmail.trim(),
        authorUrl: /^https?:\/\/\S+$/i.test(url) ? url : null,
        body: htmlToText(comment.content) || "…",
        status: planned.status,
        createdAt,
        updatedAt: createdAt,
        ipHash: comment.authorIp.trim() ? hashIp(run.services.secret, comment.authorIp.trim()) : null,
      };
      if (mapped) {
        const { id, ...changes } = values;
        await tx.update(comments).set(changes).where(eq(comments.id, id));
        kind.updated++;
      } else {
        inserts.push({ ...values, depth: ancestors.length });
        kind.imported++;
      }
      mappings.push(mapping(run, "comment", comment.id, planned.ledeId, hash, null));
    }
  }
  // Parents before replies: the foreign key wants the parent first.
  inserts.sort((a, b) => a.depth - b.depth);
  await insertRows(
    tx,
    comments,
    inserts.map(({ depth: _depth, ...row }) => row),
  );
  await upsertMappings(tx, mappings);
  if (inserts.length || mappings.length) run.changed = true;
}
