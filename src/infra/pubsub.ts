// Events that subscriptions listen to. In one process they stay in memory; with REDIS_URL they go
// through Redis, so a comment approved through one process reaches subscribers of every other.
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub } from "graphql-yoga";
import type { Redis } from "ioredis";
import { connectRedis } from "./redis.ts";

export type LedeEvents = {
  /** A comment became public (posted approved, or approved by a moderator). */
  commentApproved: [articleId: string, payload: { commentId: string }];
  /** An article was published (by hand or by the scheduler). */
  articlePublished: [payload: { articleId: string }];
};

export type LedePubSub = ReturnType<typeof createPubSub<LedeEvents>>;

export interface PubSubHandle {
  pubsub: LedePubSub;
  close(): Promise<void>;
}

export function createLedePubSub(redisUrl?: string): PubSubHandle {
  if (!redisUrl) return { pubsub: createPubSub<LedeEvents>(), close: async () => {} };
  const publishClient = connectRedis(redisUrl, "publish", { pubsub: true });
  const subscribeClient = connectRedis(redisUrl, "subscribe", { pubsub: true });
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<LedeEvents>({ eventTarget }),
    close: async () => {
      await Promise.all([quit(publishClient), quit(subscribeClient)]);
    },
  };
}

const quit = (client: Redis) => client.quit().catch(() => client.disconnect());
