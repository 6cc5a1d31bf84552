import { createHash } from 'node:crypto';
import type { DeliveryMetrics } from '../../domain/delivery/delivery-metrics';
import type {
  AddressBook,
  DeliveryOutcome,
  DeliveryRecord,
  DeliveryRecords,
  MessageSender,
  ParkedDeliveries,
  ParkReason,
} from '../../domain/delivery/delivery';
import { recordTimeOf, threadConversationId } from '../../domain/delivery/delivery';
import type { OutboxJob, OutgoingMessage } from '../../domain/delivery/outbox';
import { backoffMs, parseRetryAfter, RateWindows, TEAMS_CONVERSATION_WINDOWS, tenantWindows } from '../../domain/delivery/rate-windows';
import type { BucketRequest } from '../../domain/delivery/rate-windows';
import type { BotConnector, ConnectorAddress } from '../shared/bot-connector';
import { ConnectorCallError } from '../shared/bot-connector';
import type { Logger } from '../../domain/shared/logger';

const DAY_MS = 24 * 3600 * 1000;

export interface SenderPolicy {
  /** Requests per message before it is parked (the first try included). */
  readonly maxAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffCapMs: number;
  /** Teams allows about 30 sends a second per app per tenant. Per instance: divide by the instance count. */
  readonly tenantPerSecond: number;
  /** Extra spacing on every window so the receiver never sees two requests closer than allowed. */
  readonly windowMarginMs: number;
  /** Silence after start: what the previous process sent in the last tenant window is unknown (see quietUntil). */
  readonly quietStartMs: number;
}

const DEFAULT_SENDER_POLICY: SenderPolicy = {
  maxAttempts: 6,
  backoffBaseMs: 500,
  backoffCapMs: 30_000,
  tenantPerSecond: 30,
  windowMarginMs: 10,
  quietStartMs: 1_010,
};

interface SenderDependencies {
  readonly connector: BotConnector;
  readonly addresses: AddressBook;
  readonly delivered: DeliveryRecords;
  readonly parked: ParkedDeliveries;
  readonly log: Logger;
  readonly policy?: Partial<SenderPolicy>;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** When this process started (ms since the epoch); default: the process's own start. */
  readonly processStartedAt?: number;
  /** Counts each connector call tried again (Application Insights); what was sent or parked, the worker counts. */
  readonly metrics?: DeliveryMetrics;
}

/** Statuses Teams uses for "not now": throttled (429), a concurrent change (412), a gateway hiccup. */
const RETRYABLE = new Set([429, 412, 500, 502, 503, 504]);

class Parked extends Error {
  constructor(
    readonly reason: ParkReason,
    message: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}

/** One at a time, in arrival order. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/** A parked message keeps one id however often it is parked, so the owner's list has no repeats. */
const parkedIdOf = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 32);

/**
 * Every proactive call goes through here: throttled to Teams' windows, retried with backoff and
 * jitter (honouring `Retry-After`), idempotent by message key, parked after the last attempt.
 *
 * Idempotency: the record of a post is written right after Teams answers. A crash between the two
 * loses the record, and the retried job posts that message again. Requests go out one at a time
 * per process (the send lock), so a crash duplicates at most one message.
 *
 * Throttling: a request first waits outside the lock for a slot that fits Teams' windows, then,
 * inside the lock, takes the slot by the real clock, goes out, and is counted at the moment its
 * answer came (RateWindows.settle). So no two requests can reach Teams closer than the windows allow.
 */
export class ProactiveSender implements MessageSender {
  private readonly policy: SenderPolicy;
  private readonly windows: RateWindows;
  private readonly sendLock = new Mutex();
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  /**
   * A process that just started cannot know what the one before it (crashed, or restarted by a
   * deploy) sent in the last second: it stays quiet for one tenant window from its own start (the
   * one before had stopped by then, so the wait counts from there). Longer per-conversation
   * windows (30 s, 1 h) are not covered; Teams answers 429 there and the backoff takes over.
   */
  private readonly quietUntil: number;

  constructor(private readonly deps: SenderDependencies) {
    this.policy = { ...DEFAULT_SENDER_POLICY, ...deps.policy };
    this.quietUntil = (deps.processStartedAt ?? performance.timeOrigin) + this.policy.quietStartMs;
    this.windows = new RateWindows(this.policy.windowMarginMs);
    this.now = deps.now ?? (() => new Date());
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = deps.random ?? Math.random;
  }

  async deliver(message: OutgoingMessage, origin: { readonly teamId: string; readonly job?: OutboxJob }): Promise<DeliveryOutcome> {
    const tenantId = message.target.tenantId;
    try {
      const existing = await this.deps.delivered.get(tenantId, message.key);
      if (message.mode === 'update') {
        if (!existing) return { status: 'skipped', why: 'nothing-to-update' };
        const address = await this.addressFor(message);
        await this.call(tenantId, existing.conversationId, address.connector, () =>
          this.deps.connector.update(address.connector, existing.conversationId, existing.activityId, message),
        );
        // A session moved later keeps its invite's record longer (the retention sweep counts from keepUntil).
        if (message.keepUntil && message.keepUntil > recordTimeOf(existing))
          await this.deps.delivered.put({ ...existing, keepUntil: message.keepUntil });
        return { status: 'updated', conversationId: existing.conversationId, activityId: existing.activityId };
      }
      if (existing) {
        await this.stillNeeded(existing);
        return { status: 'skipped', why: 'already-posted' };
      }
      const address = await this.addressFor(message);
      // Post and record inside the send lock: see the class comment.
      const activityId = await this.call(tenantId, address.conversationId, address.connector, async () => {
        const id = await this.deps.connector.post(address.connector, address.conversationId, message);
        await this.deps.delivered.put({
          tenantId,
          key: message.key,
          conversationId: address.conversationId,
          activityId: id,
          postedAt: this.now().toISOString(),
          ...(message.keepUntil ? { keepUntil: message.keepUntil } : {}),
        });
        return id;
      });
      return { status: 'posted', conversationId: address.conversationId, activityId };
    } catch (error) {
      if (!(error instanceof Parked)) throw error;
      const parkedId = parkedIdOf(message.key);
      await this.deps.parked.put({
        tenantId,
        teamId: origin.teamId,
        parkedId,
        reason: error.reason,
        attempts: error.attempts,
        lastError: error.message,
        parkedAt: this.now().toISOString(),
        message,
        ...(origin.job ? { job: origin.job } : {}),
      });
      this.deps.log.error(`parked ${message.key} (${error.reason}): ${error.message}`);
      return { status: 'parked', parkedId, reason: error.reason };
    }
  }

  /**
   * A job that still runs found this record (a retry of a parked job, a copy taken again): it counts
   * as needed now, so the retention sweep cannot delete it before that job is done. At most one write a day.
   */
  private async stillNeeded(record: DeliveryRecord): Promise<void> {
    const now = this.now();
    if (Date.parse(recordTimeOf(record)) > now.getTime() - DAY_MS) return;
    await this.deps.delivered.put({ ...record, keepUntil: now.toISOString() });
  }

  /** The conversation a message goes to, opening a 1:1 chat when only the person's Teams id is known. */
  private async addressFor(message: OutgoingMessage): Promise<{ connector: ConnectorAddress; conversationId: string }> {
    const target = message.target;
    if (target.kind === 'person') {
      const person = await this.deps.addresses.getPerson(target.tenantId, target.userId);
      if (!person) throw new Parked('no-address', 'this person has not used PeerLearn in Teams yet, so the bot cannot reach them', 0);
      const connector = { serviceUrl: person.serviceUrl, botId: person.botId };
      if (person.conversationId) return { connector, conversationId: person.conversationId };
      const teamsUserId = person.teamsUserId;
      if (!teamsUserId) throw new Parked('no-address', 'no Teams id is known for this person', 0);
      const conversationId = await this.call(target.tenantId, `create:${teamsUserId}`, connector, () =>
        this.deps.connector.createPersonalConversation(connector, target.tenantId, teamsUserId),
      );
      await this.deps.addresses.putPerson({ ...person, conversationId, updatedAt: this.now().toISOString() });
      return { connector, conversationId };
    }
    const team = await this.deps.addresses.getTeam(target.tenantId, target.teamId);
    if (!team) throw new Parked('no-address', 'PeerLearn is not installed in this team (any more); add the app to the team and retry', 0);
    const connector = { serviceUrl: team.serviceUrl, botId: team.botId };
    if (target.kind === 'channel') return { connector, conversationId: target.channelId };
    const root = await this.deps.delivered.get(target.tenantId, target.rootKey);
    if (!root) throw new Parked('no-address', `the thread's first message (${target.rootKey}) was never posted`, 0);
    return { connector, conversationId: threadConversationId(root.conversationId, root.activityId) };
  }

  /** One connector call: waits for a slot in the conversation's and the tenant's windows, retries, or parks. */
  private async call<T>(tenantId: string, conversationId: string, address: ConnectorAddress, request: () => Promise<T>): Promise<T> {
    await this.deps.connector.prepare(address);
    const buckets: BucketRequest[] = [
      // A thread shares its channel's budget.
      { key: `conversation:${conversationId.split(';')[0] ?? conversationId}`, windows: TEAMS_CONVERSATION_WINDOWS },
      { key: `tenant:${tenantId}`, windows: tenantWindows(this.policy.tenantPerSecond) },
    ];
    for (let attempt = 1; ; attempt += 1) {
      try {
        // Wait for a free slot outside the lock (a throttled conversation never holds up the others);
        // inside, go only if the slot is still free, else wait again.
        for (;;) {
          const planned = Math.max(this.quietUntil, this.windows.peek(buckets, Date.now())) - Date.now();
          if (planned > 0) await this.sleep(planned);
          const sent = await this.sendLock.run(async (): Promise<{ readonly value: T } | undefined> => {
            const now = Date.now();
            if (this.quietUntil > now || this.windows.peek(buckets, now) > now) return undefined;
            const slot = this.windows.reserve(buckets, now);
            try {
              return { value: await request() };
            } finally {
              this.windows.settle(buckets, slot, Date.now());
            }
          });
          if (sent) return sent.value;
        }
      } catch (error) {
        if (!(error instanceof ConnectorCallError)) throw error;
        // No status: the connector never answered (reset, refused): worth another try too.
        const retryable = error.status === undefined || RETRYABLE.has(error.status);
        if (!retryable) throw new Parked('rejected', error.message, attempt);
        if (attempt >= this.policy.maxAttempts) throw new Parked('attempts-exhausted', error.message, attempt);
        const retryAfter = parseRetryAfter(error.retryAfter, this.now().getTime());
        this.deps.metrics?.retried('connector');
        const pause = retryAfter ?? backoffMs(attempt, this.policy.backoffBaseMs, this.policy.backoffCapMs, this.random);
        await this.sleep(pause);
      }
    }
  }
}
