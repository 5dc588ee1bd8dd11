// What a write tells the response cache (graphql/plugins/response-cache.ts) it changed. The
// services and the scheduler speak to this interface, so they need nothing of the API layer.
export interface CacheInvalidation {
  /** An article, or anything shown with it (its comments, count, quotes, sources), changed. */
  articleChanged(articleId: string): Promise<void>;
  /** The set of public articles changed (published, unpublished, deleted): every list is stale. */
  articleListsChanged(): Promise<void>;
  authorChanged(authorId: string): Promise<void>;
  /** An author was added: the `authors` list is stale. */
  authorListsChanged(): Promise<void>;
  tagsChanged(): Promise<void>;
}

/** For a process without a response cache (the CLI, tests of the services alone). */
export const noInvalidation: CacheInvalidation = {
  articleChanged: async () => {},
  articleListsChanged: async () => {},
  authorChanged: async () => {},
  authorListsChanged: async () => {},
  tagsChanged: async () => {},
};
