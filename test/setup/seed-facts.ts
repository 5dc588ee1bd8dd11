// Facts about the demo content that tests build on, derived from seed-content.ts rather than
// copied, so the tests follow the content if it changes.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { type SeedArticle, type SeedComment, seedArticles } from "../../src/db/seed-content.ts";
import { stableUuid } from "../../src/db/stable-uuid.ts";

export const articleGlobalId = (slug: string) => encodeGlobalID("Article", stableUuid(`article:${slug}`));

const published = seedArticles.filter((a) => a.status === "published");

/** A published article that takes comments. */
export const openArticle = published.find((a) => a.commentsOpen && a.comments.length > 2) as SeedArticle;
/** A second one, by other authors where possible. */
export const otherOpenArticle = published.find(
  (a) => a.commentsOpen && a !== openArticle && a.authorSlugs[0] !== openArticle.authorSlugs[0],
) as SeedArticle;
export const closedArticle = published.find((a) => !a.commentsOpen) as SeedArticle;
export const draftArticle = seedArticles.find((a) => a.status === "draft") as SeedArticle;

function* walk(list: readonly SeedComment[]): Generator<SeedComment> {
  for (const comment of list) {
    yield comment;
    yield* walk(comment.replies ?? []);
  }
}

export const allSeedComments = seedArticles.flatMap((a) => [...walk(a.comments)]);

/** An email with an approved comment in the demo content: a known commenter. */
export const knownCommenterEmail = allSeedComments.find((c) => c.status === "approved")
  ?.authorEmail as string;
