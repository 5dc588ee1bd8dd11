// What subscriptions stream, shared within the process. A channel (one article's approved
// comments, the published articles) has one listener however many subscribe to it, and each event
// is read from the database once, the result going to every subscriber. Each subscriber has its
// own bounded queue: one that falls `maxQueued` events behind (its client stopped reading) is
// dropped and its connection closed, alone. The live subscriptions of one client address are
// bounded too.
import type { SubscriptionLimits } from "../config.ts";
import type { Logger } from "../observability/logger.ts";
import { clientError } from "./errors.ts";

/** A channel of events and how one event becomes what subscribers receive (null: nothing). */
export interface Feed<E, T> {
  /** Subscribers with the same channel share its listener and its reads: they must read alike. */
  channel: string;
  listen(listener: (event: E) => void): () => void;
  read(event: E): Promise<T | null>;
}

/** Who subscribes: counted by address, and cut off by closing their connection. */
export interface Subscriber {
  client: { ip: string | null; ipHash: string | null };
  disconnect(): void;
}

export type RefusedBy = "ip" | "connection";

/** A channel's subscribers as its listener sees them. */
interface Queue {
  push(result: Promise<unknown>, maxQueued: number): void;
}

interface Channel {
  streams: Set<Queue>;
  stop(): void;
}

export class LiveFeeds {
  /** Since the process started, for /metrics. */
  readonly stats = { dropped: 0, refused: { ip: 0, connection: 0 } as Record<RefusedBy, number> };
  private readonly channels = new Map<string, Channel>();
  private readonly perIp = new Map<string, number>();
  private liveCount = 0;
  readonly limits: SubscriptionLimits;
  private readonly logger: Logger;

  constructor(limits: SubscriptionLimits, logger: Logger) {
    this.limits = limits;
    this.logger = logger;
  }

  /** Live subscriptions in this process. */
  get active(): number {
    return this.liveCount;
  }

  /**
   * A subscription to `feed`, receiving what each event reads as from now, that `accept` lets
   * through. Refused with TOO_MANY_SUBSCRIPTIONS past the client address's limit.
   */
  open<E, T>(
    feed: Feed<E, T>,
    subscriber: Subscriber,
    accept: (item: T) => boolean = () => true,
  ): LiveStream<T> {
    const address = subscriber.client.ip ?? "unknown";
    const held = this.perIp.get(address) ?? 0;
    if (held >= this.limits.perIp) {
      throw this.refuse("ip", `At most ${this.limits.perIp} live subscriptions per client address`);
    }
    this.perIp.set(address, held + 1);
    this.liveCount += 1;
    let channel = this.channels.get(feed.channel);
    if (!channel) {
      const streams = new Set<Queue>();
      const stop = feed.listen((event) => this.deliver(feed, streams, event));
      channel = { streams, stop };
      this.channels.set(feed.channel, channel);
    }
    const stream: LiveStream<T> = new LiveStream<T>(accept, () =>
      this.release(feed.channel, stream, address),
    );
    channel.streams.add(stream);
    stream.onOverflow = () => {
      this.stats.dropped += 1;
      this.logger.warn(
        { channel: feed.channel, ipHash: subscriber.client.ipHash, maxQueued: this.limits.maxQueued },
        "subscription dropped: its client stopped reading",
      );
      subscriber.disconnect();
    };
    return stream;
  }

  /** The error for an operation over a limit, counted. */
  refuse(limit: RefusedBy, message: string) {
    this.stats.refused[limit] += 1;
    return clientError("TOO_MANY_SUBSCRIPTIONS", message);
  }

  // Runs inside the event source's callback (Redis's socket handler): nothing here may throw.
  private deliver<E, T>(feed: Feed<E, T>, streams: Set<Queue>, event: E): void {
    let result: Promise<T | null>;
    try {
      result = feed.read(event);
    } catch (error) {
      result = Promise.reject(error);
    }
    // A read that fails reaches each subscriber as its error; none waiting is no crash.
    result.catch(() => {});
    for (const stream of streams) stream.push(result, this.limits.maxQueued);
  }

  private release(channelName: string, stream: Queue, address: string): void {
    this.liveCount -= 1;
    const held = (this.perIp.get(address) ?? 1) - 1;
    if (held > 0) this.perIp.set(address, held);
    else this.perIp.delete(address);
    const channel = this.channels.get(channelName);
    if (!channel) return;
    channel.streams.delete(stream);
    if (channel.streams.size === 0) {
      channel.stop();
      this.channels.delete(channelName);
    }
  }
}

/**
 * One subscriber's stream: what it was given to start with, then the live events' reads in their
 * order. Its `return` (the client left) takes effect at once, even while it waits for an event.
 */
export class LiveStream<T> implements AsyncIterableIterator<T> {
  private readonly first: T[] = [];
  private queue: Promise<T | null>[] = [];
  private state: "open" | "ended" | "dropped" = "open";
  private wake: (() => void) | null = null;
  onOverflow: () => void = () => {};
  private accept: (item: T) => boolean;
  private readonly released: () => void;

  constructor(accept: (item: T) => boolean, released: () => void) {
    this.accept = accept;
    this.released = released;
  }

  /**
   * Delivers `items` before anything live, and skips the live events that read as one of them
   * (by `key`): a catch-up read after subscribing may overlap what arrives meanwhile.
   */
  startWith(items: readonly T[], key: (item: T) => string): void {
    this.first.push(...items);
    const seen = new Set(items.map(key));
    const accept = this.accept;
    this.accept = (item) => !seen.has(key(item)) && accept(item);
  }

  push(result: Promise<T | null>, maxQueued: number): void {
    if (this.state !== "open") return;
    if (this.queue.length >= maxQueued) {
      this.end("dropped");
      this.onOverflow();
      return;
    }
    this.queue.push(result);
    this.wakeUp();
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      const first = this.first.shift();
      if (first !== undefined) return { value: first, done: false };
      if (this.state === "dropped") {
        this.state = "ended";
        throw clientError(
          "SLOW_SUBSCRIBER",
          "This subscription fell too far behind and was ended; subscribe again (with `after`, to catch up)",
        );
      }
      if (this.state === "ended") return { value: undefined, done: true };
      const pending = this.queue.shift();
      if (!pending) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        continue;
      }
      let item: T | null;
      try {
        item = await pending;
      } catch (error) {
        this.end("ended");
        throw error;
      }
      if (this.state === "open" && item !== null && this.accept(item)) return { value: item, done: false };
    }
  }

  async return(): Promise<IteratorResult<T>> {
    this.end("ended");
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<T>> {
    this.end("ended");
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private end(state: "ended" | "dropped"): void {
    if (this.state !== "open") return;
    this.state = state;
    this.queue = [];
    this.first.length = 0;
    this.released();
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
