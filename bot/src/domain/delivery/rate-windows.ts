/**
 * Sliding-window rate limits, as Teams applies them to a bot: per conversation 7 sends in 1 s,
 * 8 in 2 s, 60 in 30 s and 1,800 in an hour, and about 30 a second per app per tenant. Pure: the
 * caller passes the time and waits itself, so the logic is tested without timers.
 */

export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/** Teams' per-conversation windows for bot messages. */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

export const tenantWindows = (perSecond: number): readonly RateWindow[] => [{ limit: perSecond, windowMs: 1_000 }];

/** A send reserves one slot in every bucket it names (e.g. its conversation and its tenant). */
export interface BucketRequest {
  readonly key: string;
  readonly windows: readonly RateWindow[];
}

/**
 * Hands out send times so that no window of any bucket ever holds more than its limit. Slots are
 * handed out in order per bucket (never before an earlier reservation), so each bucket's list of
 * send times stays sorted and the check is a look at its last `limit` entries.
 *
 * `marginMs` widens every window a little: a request leaves a few milliseconds after its slot and
 * the network may bunch two requests together, and the receiver must still see them apart.
 */
export class RateWindows {
  private readonly sends = new Map<string, number[]>();

  constructor(private readonly marginMs = 0) {}

  /** The earliest time at or after `now` when a send fits every bucket; recorded as taken. */
  reserve(buckets: readonly BucketRequest[], now: number): number {
    const at = this.peek(buckets, now);
    for (const bucket of buckets) this.record(bucket, at);
    return at;
  }

  /** The earliest time at or after `now` when a send would fit every bucket; nothing is recorded. */
  peek(buckets: readonly BucketRequest[], now: number): number {
    let at = now;
    // Each pass moves `at` to the earliest time one bucket allows; it only grows, so this ends.
    for (;;) {
      let moved = false;
      for (const bucket of buckets) {
        const next = this.earliest(bucket, at);
        if (next > at) {
          at = next;
          moved = true;
        }
      }
      if (!moved) break;
    }
    return at;
  }

  /**
   * Moves a reservation to when the request was really done. A request reaches the receiver some
   * time between its slot and its answer; counting it at the answer keeps every later send far
   * enough away, however long the request took to leave (a first connection, a busy event loop).
   */
  settle(buckets: readonly BucketRequest[], reservedAt: number, doneAt: number): void {
    if (doneAt <= reservedAt) return;
    for (const bucket of buckets) {
      const times = this.sends.get(bucket.key);
      const index = times?.lastIndexOf(reservedAt) ?? -1;
      if (!times || index < 0) continue;
      times.splice(index, 1);
      let at = times.length;
      while (at > 0 && (times[at - 1] ?? 0) > doneAt) at -= 1;
      times.splice(at, 0, doneAt);
    }
  }

  /** Drops every bucket whose last send is before `before`: a bucket nobody used for a whole window holds nothing. */
  forgetIdle(before: number): void {
    for (const [key, times] of this.sends) if ((times.at(-1) ?? Number.NEGATIVE_INFINITY) < before) this.sends.delete(key);
  }

  private earliest(bucket: BucketRequest, from: number): number {
    const times = this.sends.get(bucket.key) ?? [];
    let at = Math.max(from, times.at(-1) ?? from);
    for (const { limit, windowMs } of bucket.windows) {
      if (times.length < limit) continue;
      // The send `limit` places back must have left the window before this one may go.
      const blocking = times[times.length - limit] ?? Number.NEGATIVE_INFINITY;
      at = Math.max(at, blocking + windowMs + this.marginMs);
    }
    return at;
  }

  private record(bucket: BucketRequest, at: number): void {
    const times = this.sends.get(bucket.key) ?? [];
    times.push(at);
    // Keep only what the longest window can still see.
    const longest = Math.max(...bucket.windows.map((w) => w.windowMs + this.marginMs));
    const firstKept = times.findIndex((t) => t > at - longest);
    if (firstKept > 0) times.splice(0, firstKept);
    this.sends.set(bucket.key, times);
  }
}

/** Every violation of `windows` in a sorted list of times: used by tests and the fake connector. */
export function windowViolations(times: readonly number[], windows: readonly RateWindow[]): string[] {
  const problems: string[] = [];
  for (const { limit, windowMs } of windows) {
    for (let i = limit; i < times.length; i += 1) {
      const first = times[i - limit] ?? 0;
      const last = times[i] ?? 0;
      if (last - first < windowMs) {
        problems.push(`${limit + 1} sends within ${last - first} ms (limit ${limit} per ${windowMs} ms)`);
        break;
      }
    }
  }
  return problems;
}

/** Exponential backoff with full jitter: a random wait between 0 and min(cap, base · 2^attempt). */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, now: number): number | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
