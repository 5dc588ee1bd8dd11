// Events that subscriptions listen to. In one process they stay in memory; with REDIS_URL they go
// through Redis, so a comment approved through one process reaches subscribers of every other.
// There is no queue here: a listener is called as each event arrives, and whoever listens keeps
// its own bounded queue (src/graphql/live-feeds.ts). yoga's createPubSub queued without a bound
// and threw from inside Redis's socket callback once a subscriber fell 1024 events behind, which
// took the whole process down.
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import type { Redis } from "ioredis";
import { connectRedis } from "./redis.ts";

export type LedeEvents = {
  /** A comment became public (posted approved, or approved by a moderator). */
  commentApproved: [articleId: string, payload: { commentId: string }];
  /** An article was published (by hand or by the scheduler). */
  articlePublished: [payload: { articleId: string }];
};

type Topic = keyof LedeEvents;
/** The event's payload, after its routing id when the topic has one. */
export type EventPayload<K extends Topic> = LedeEvents[K] extends [string, infer P]
  ? P
  : LedeEvents[K] extends [infer P]
    ? P
    : never;
/** The routing id a topic's events carry (an article id), or nothing. */
type RoutingId<K extends Topic> = LedeEvents[K] extends [string, unknown] ? [id: string] : [];

export interface LedePubSub {
  publish<K extends Topic>(topic: K, ...args: LedeEvents[K]): void;
  /**
   * Calls `listener` with each event of `topic` (for one routing id, when the topic has them)
   * until the returned function is called. The listener runs inside the event source (Redis's
   * socket callback): it must not throw, nor wait.
   */
  listen<K extends Topic>(
    topic: K,
    ...args: [...RoutingId<K>, listener: (payload: EventPayload<K>) => void]
  ): () => void;
}

export interface PubSubHandle {
  pubsub: LedePubSub;
  close(): Promise<void>;
}

/** A channel's name: the topic, and its routing id when it has one (`commentApproved:<article>`). */
const channelOf = (prefix: string, topic: string, id: string | undefined) =>
  `${prefix}${id === undefined ? topic : `${topic}:${id}`}`;

/** What both Node's EventTarget and the Redis one offer. */
interface EventSource {
  dispatchEvent(event: CustomEvent): boolean;
  addEventListener(channel: string, callback: (event: CustomEvent) => void): void;
  removeEventListener(channel: string, callback: (event: CustomEvent) => void): void;
}

function pubSubOver(target: EventSource, prefix = ""): LedePubSub {
  return {
    publish(topic, ...args) {
      const [id, payload] = args.length === 2 ? args : [undefined, args[0]];
      target.dispatchEvent(
        new CustomEvent(channelOf(prefix, topic, id as string | undefined), { detail: payload }),
      );
    },
    listen(topic, ...args) {
      const listener = args.at(-1) as (payload: never) => void;
      const channel = channelOf(prefix, topic, args.length === 2 ? (args[0] as string) : undefined);
      const callback = (event: CustomEvent) => listener(event.detail as never);
      target.addEventListener(channel, callback);
      return () => target.removeEventListener(channel, callback);
    },
  };
}

/**
 * `channelPrefix` keeps apart the events of lede instances that share one Redis without sharing
 * their data: Redis's channels are global, whatever its database number. (The test suite runs
 * its files in parallel on one Redis, each with its own copy of the same demo content.)
 */
export function createLedePubSub(redisUrl?: string, { channelPrefix = "" } = {}): PubSubHandle {
  if (!redisUrl) {
    return { pubsub: pubSubOver(new EventTarget() as EventSource), close: async () => {} };
  }
  const publishClient = connectRedis(redisUrl, "publish", { pubsub: true });
  const subscribeClient = connectRedis(redisUrl, "subscribe", { pubsub: true });
  return {
    pubsub: pubSubOver(
      createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient }),
      channelPrefix,
    ),
    close: async () => {
      await Promise.all([quit(publishClient), quit(subscribeClient)]);
    },
  };
}

const quit = (client: Redis) => client.quit().catch(() => client.disconnect());
