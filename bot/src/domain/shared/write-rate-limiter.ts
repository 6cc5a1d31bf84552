import { RateWindows } from '../delivery/rate-windows';
import type { RateWindow } from '../delivery/rate-windows';

/**
 * How many changes (POST/PUT/PATCH/DELETE of the tab API) one person and one tenant may make.
 *
 * A person: 10 within 10 s and 30 within a minute. Someone clicking through the board (RSVPs, a
 * vote, a tip, a session with its edits) makes a few a minute; 10 at once leaves room for a quick
 * series of clicks, and 30 a minute stops a script or a stuck client long before it floods the
 * team's channel, since a new tip or session queues a Teams post.
 *
 * A tenant: 600 a minute (10 a second on average, bursts to 200 within 10 s). Teams takes about 30
 * proactive sends a second per app per tenant, and one change can queue a post in each of a team's
 * channels: 10 changes a second keeps the outbox drainable while still far above what a whole
 * organisation's people do by hand.
 *
 * Counted per instance, in memory: with N instances a person may make up to N times as many. That
 * is enough to stop a runaway client; a shared count would cost a storage round trip per change.
 */
export const PERSON_BURST: RateWindow = { limit: 10, windowMs: 10_000 };
export const PERSON_PER_MINUTE: RateWindow = { limit: 30, windowMs: 60_000 };
export const PERSON_WRITE_WINDOWS: readonly RateWindow[] = [PERSON_BURST, PERSON_PER_MINUTE];
const TENANT_WRITE_WINDOWS: readonly RateWindow[] = [
  { limit: 200, windowMs: 10_000 },
  { limit: 600, windowMs: 60_000 },
];

export interface WriteLimitPolicy {
  readonly person: readonly RateWindow[];
  readonly tenant: readonly RateWindow[];
}

const DEFAULT_WRITE_LIMITS: WriteLimitPolicy = { person: PERSON_WRITE_WINDOWS, tenant: TENANT_WRITE_WINDOWS };

type WriteDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly limitedBy: 'person' | 'tenant'; readonly retryAfterMs: number };

/**
 * Allows a change when it fits both the person's and the tenant's windows, and counts it; a refused
 * change is not counted, so waiting the `retryAfterMs` it names is always enough. Pure: the caller
 * passes the time (a monotonic clock in milliseconds).
 */
export class WriteLimiter {
  private readonly windows = new RateWindows();
  private readonly longestMs: number;
  private sweptAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly policy: WriteLimitPolicy = DEFAULT_WRITE_LIMITS) {
    this.longestMs = Math.max(0, ...[...policy.person, ...policy.tenant].map((w) => w.windowMs));
  }

  take(tenantId: string, userId: string, now: number): WriteDecision {
    const person = { key: `person\u0000${tenantId}\u0000${userId}`, windows: this.policy.person };
    const tenant = { key: `tenant\u0000${tenantId}`, windows: this.policy.tenant };
    this.sweep(now);
    const personAt = this.windows.peek([person], now);
    const tenantAt = this.windows.peek([tenant], now);
    if (personAt > now || tenantAt > now) {
      const limitedBy = tenantAt > personAt ? 'tenant' : 'person';
      return { allowed: false, limitedBy, retryAfterMs: Math.max(personAt, tenantAt) - now };
    }
    this.windows.reserve([person, tenant], now);
    return { allowed: true };
  }

  /** Once per longest window, forgets the people who changed nothing within it: memory follows the active people. */
  private sweep(now: number): void {
    if (now - this.sweptAt < this.longestMs) return;
    this.sweptAt = now;
    this.windows.forgetIdle(now - this.longestMs);
  }
}
