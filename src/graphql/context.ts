// The per-request context: the database, the signed-in staff member (if any), and the request's
// own set of loaders, created lazily so a request pays only for the loaders it uses.
import type { CommentPolicy } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { CacheInvalidation } from "../infra/cache-invalidation.ts";
import type { ClientInfo } from "../infra/client-info.ts";
import type { LedePubSub } from "../infra/pubsub.ts";
import type { RateLimiter } from "../infra/rate-limit.ts";
import type { MediaSettings, RenditionCache } from "../modules/media/media.service.ts";
import type { MediaStore } from "../modules/media/media.store.ts";
import type { NewsletterSettings } from "../modules/newsletter/newsletter.settings.ts";
import type { StaffMember } from "../modules/staff/staff.repo.ts";
import type { WebhookAddressPolicy } from "../modules/webhooks/webhook.address.ts";
import type { LiveFeeds } from "./live-feeds.ts";

/** What every request shares: built once per process by createApp. */
export interface AppServices {
  db: Database;
  /** Tells the response cache what a write changed. */
  cache: CacheInvalidation;
  /** The most an operation may cost (objects it can return), nest, and spread. */
  complexityLimit: { complexity: number; depth: number; breadth: number };
  /** The clock, injectable so tests can pin "now". */
  now: () => Date;
  pubsub: LedePubSub;
  /** Subscriptions' shared listeners and reads, and their limits. */
  live: LiveFeeds;
  rateLimiter: RateLimiter;
  /** Key for IP hashes and signed tokens. */
  secret: string;
  commentPolicy: CommentPolicy;
  newsletter: NewsletterSettings;
  /** Which webhook URLs and addresses are accepted (http and private addresses: tests, development). */
  webhooks: WebhookAddressPolicy;
  /** Where image bytes live, the limits of uploads, where clients fetch images from. */
  store: MediaStore;
  media: MediaSettings;
  renditions: RenditionCache;
}

export interface Context extends AppServices {
  viewer: StaffMember | null;
  client: ClientInfo;
  /** Closes the client's connection (a subscriber that stopped reading); nothing under app.fetch. */
  disconnect(): void;
  /** The loader made by `factory` for this request, created on first use. */
  loader<T>(this: Context, factory: (ctx: Context) => T): T;
  /**
   * Forgets every loader this request made, and what they read: fields resolved after a mutation
   * (and the next mutation of the same request) read the state it wrote. Run after each mutation.
   */
  forgetReads(): void;
}

export function createContext(
  services: AppServices,
  viewer: StaffMember | null,
  client: ClientInfo,
  disconnect: () => void = () => {},
): Context {
  const loaders = new Map<(ctx: Context) => unknown, unknown>();
  const context: Context = {
    ...services,
    viewer,
    client,
    disconnect,
    // `this` is the context the resolver was handed: yoga copies this object into its own, and a
    // plugin may point that copy's `db` at the read replica before the first loader is made.
    loader<T>(this: Context, factory: (ctx: Context) => T): T {
      let instance = loaders.get(factory) as T | undefined;
      if (instance === undefined) {
        instance = factory(this);
        loaders.set(factory, instance);
      }
      return instance;
    },
    forgetReads: () => loaders.clear(),
  };
  return context;
}

/** What the services take from a request: its shared collaborators, and who is acting. */
export const servicesOf = (ctx: Context) => ({
  db: ctx.db,
  now: ctx.now,
  cache: ctx.cache,
  pubsub: ctx.pubsub,
  actor: ctx.viewer,
  articleUrl: ctx.newsletter.articleUrl,
  secret: ctx.secret,
});

/** Staff see drafts, scheduled and archived articles; the public sees published ones only. */
export const canSeeUnpublished = (ctx: Context) => ctx.viewer !== null;
