import { forEachLimited } from '../../domain/shared/each-limited';
import type { DeliveryOutcome, LeasedWork, MessageSender, ParkedDeliveries, WorkQueue } from '../../domain/delivery/delivery';
import type { JobComposer, OutboxJob } from '../../domain/delivery/outbox';
import type { Logger } from '../../domain/shared/logger';
import { NO_DELIVERY_METRICS } from '../../domain/delivery/delivery-metrics';
import type { DeliveryMetrics } from '../../domain/delivery/delivery-metrics';

export interface WorkerPolicy {
  /** How long a taken queue message stays hidden from other instances; renewed while it is worked on. */
  readonly leaseSeconds: number;
  /** Queue messages taken at once (the queue gives at most 32). */
  readonly batchSize: number;
  /** A queue message handed out more often than this is parked as poison, never tried again by itself. */
  readonly maxDequeueCount: number;
  /** Pause between polls of an empty queue. */
  readonly idleMs: number;
  /** Messages of one job delivered side by side (the sender's windows still pace them). */
  readonly concurrency: number;
  /** On stop, how long jobs in hand may run on before their leases are given back unfinished. */
  readonly stopGraceMs: number;
}

const DEFAULT_WORKER_POLICY: WorkerPolicy = {
  leaseSeconds: 60,
  batchSize: 16,
  maxDequeueCount: 5,
  idleMs: 1_000,
  concurrency: 4,
  stopGraceMs: 10_000,
};

interface WorkerDependencies {
  readonly queue: WorkQueue;
  readonly compose: JobComposer;
  readonly sender: MessageSender;
  readonly parked: ParkedDeliveries;
  readonly now: () => Date;
  readonly log: Logger;
  readonly policy?: Partial<WorkerPolicy>;
  /** Counts what reached Teams, what is tried again and what is parked (Application Insights). */
  readonly metrics?: DeliveryMetrics;
}

/** Parked records of queue messages nobody can read: no tenant is known, so they sit apart. */
export const UNKNOWN_TENANT = '(unknown)';

/**
 * Takes jobs from the shared queue, composes their messages and hands each to the sender. A queue
 * message is deleted only when every message of its job was delivered, skipped or parked; until
 * then its lease keeps other instances off it, and if this process dies the lease runs out and
 * another instance (or this one, restarted) takes the job again; the idempotency record skips
 * what was already posted.
 */
export class OutboxWorker {
  private readonly policy: WorkerPolicy;
  private readonly metrics: DeliveryMetrics;
  private running = false;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** Leased and not finished: given back to the queue if the worker stops before they are done. */
  private readonly inHand = new Set<LeasedWork>();
  /** The lease renewal of each job in hand: stopped when the job ends or is given back. */
  private readonly renewals = new Map<LeasedWork, NodeJS.Timeout>();
  private releasedWhileStopping = 0;

  constructor(private readonly deps: WorkerDependencies) {
    this.policy = { ...DEFAULT_WORKER_POLICY, ...deps.policy };
    this.metrics = deps.metrics ?? NO_DELIVERY_METRICS;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.loop = this.run();
  }

  /**
   * Stops taking work; a job in hand stops between two of its messages, or runs on for at most
   * `stopGraceMs`. Unfinished jobs go back to the queue at once (visible again, not after their
   * lease), for another instance or the next start; the idempotency record skips what was posted.
   * Resolves with how many leases were given back.
   */
  async stop(): Promise<number> {
    this.running = false;
    this.stopping = true;
    this.wake?.();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.policy.stopGraceMs);
    });
    await Promise.race([this.loop, grace]).finally(() => clearTimeout(timer));
    const unfinished = [...this.inHand];
    this.inHand.clear();
    // A job that runs on (a stuck call) must not keep renewing a lease it no longer holds, nor keep the process alive.
    for (const work of unfinished) this.stopRenewing(work);
    const released = await Promise.all(unfinished.map((work) => this.release(work)));
    return released.filter(Boolean).length + this.releasedWhileStopping;
  }

  private stopRenewing(work: LeasedWork): void {
    clearInterval(this.renewals.get(work));
    this.renewals.delete(work);
  }

  private async release(work: LeasedWork): Promise<boolean> {
    try {
      await this.deps.queue.release(work);
      return true;
    } catch (error) {
      this.deps.log.error(`outbox worker: could not give back the lease of ${work.id}; it returns when the lease ends`, error);
      return false;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.runOnce();
      } catch (error) {
        this.deps.log.error('outbox worker: taking jobs failed; trying again', error);
      }
      if (handled === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.policy.idleMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** One batch: returns how many queue messages were taken. */
  async runOnce(): Promise<number> {
    const batch = await this.deps.queue.receive(this.policy.batchSize, this.policy.leaseSeconds);
    for (const work of batch) this.inHand.add(work);
    // An invite update composes the card from storage as it is when it runs, so one run covers every
    // update of that session taken in the same batch (a burst of RSVPs queues one per answer).
    const groups = new Map<string, LeasedWork[]>();
    for (const work of batch) {
      const { item } = work;
      const same =
        item.kind === 'job' && item.job.kind === 'updateInvite' && !item.notBefore && work.dequeueCount <= this.policy.maxDequeueCount;
      const key = same
        ? `update\n${item.job.tenantId}\n${item.job.teamId}\n${item.job.kind === 'updateInvite' ? item.job.sessionId : ''}`
        : `one\n${work.id}`;
      groups.set(key, [...(groups.get(key) ?? []), work]);
    }
    await Promise.all(
      [...groups.values()].map(async ([first, ...same]) => {
        if (!first) return;
        const done = await this.handleLeased(first);
        await Promise.all(
          same.map(async (work) => {
            if (!this.inHand.delete(work)) return; // given back by stop()
            if (!done) {
              // Its update rides on the first one: back with it when stopping, else when its lease ends.
              if (this.stopping && (await this.release(work))) this.releasedWhileStopping += 1;
              return;
            }
            await this.deps.queue
              .complete(work)
              .catch((error: unknown) => this.deps.log.error(`outbox worker: could not complete ${work.id}`, error));
          }),
        );
      }),
    );
    return batch.length;
  }

  /** True when the queue message was finished (delivered, parked, deferred). */
  private async handleLeased(work: LeasedWork): Promise<boolean> {
    // Renew the lease at half time, so a long fan-out is never taken by a second instance.
    let finished = false;
    const renew: NodeJS.Timeout = setInterval(
      () => {
        this.deps.queue.extend(work, this.policy.leaseSeconds).catch((error: unknown) => {
          // Completed while the renewal was on its way: nothing to extend.
          if (!finished) this.deps.log.error(`outbox worker: could not extend the lease of ${work.id}`, error);
        });
      },
      (this.policy.leaseSeconds * 1000) / 2,
    );
    this.renewals.set(work, renew);
    try {
      await this.handle(work);
      return true;
    } catch (error) {
      // Stopped midway: back to the queue now, not when the lease ends (unless stop() already gave it back).
      if (this.stopping && this.inHand.delete(work)) {
        if (await this.release(work)) this.releasedWhileStopping += 1;
        return false;
      }
      // Left in the queue: it comes back when the lease ends, and is parked once it has failed too often.
      this.deps.log.error(`outbox worker: queue message ${work.id} failed (attempt ${work.dequeueCount}); it will be retried`, error);
      this.metrics.retried('job');
      return false;
    } finally {
      finished = true;
      this.stopRenewing(work);
      this.inHand.delete(work);
    }
  }

  private async handle(work: LeasedWork): Promise<void> {
    const { item } = work;
    const now = this.deps.now();
    if (item.kind === 'unreadable') {
      await this.parkPoison(
        UNKNOWN_TENANT,
        '',
        `unreadable queue message: ${item.problem}`,
        work.dequeueCount,
        undefined,
        `queue:${work.id}`,
      );
      await this.deps.queue.complete(work);
      return;
    }
    if (item.kind === 'job' && item.notBefore && item.notBefore.getTime() > now.getTime() + 1_000) {
      // Taken early (the queue hides a message for at most 7 days): back in, for the rest of the wait.
      await this.deps.queue.defer(work, item.notBefore, now);
      return;
    }
    if (work.dequeueCount > this.policy.maxDequeueCount) {
      if (item.kind === 'job') {
        await this.parkPoison(
          item.job.tenantId,
          item.job.teamId,
          `the job failed ${work.dequeueCount - 1} times`,
          work.dequeueCount,
          item.job,
          `job:${work.id}`,
        );
      } else {
        this.deps.log.error(`outbox worker: giving up on redelivery of ${item.parkedId} after ${work.dequeueCount - 1} tries`);
      }
      await this.deps.queue.complete(work);
      return;
    }
    if (item.kind === 'redeliver') {
      await this.redeliver(item.tenantId, item.teamId, item.parkedId);
      await this.deps.queue.complete(work);
      return;
    }
    const messages = await this.deps.compose(item.job, now);
    let stopped = false;
    await forEachLimited(messages, this.policy.concurrency, async (message) => {
      // Stopping mid-job: leave the rest; the lease runs out and any instance finishes the job,
      // skipping what was posted (the idempotency record).
      if (this.stopping) {
        stopped = true;
        return;
      }
      this.count(item.job.kind, await this.deps.sender.deliver(message, { teamId: item.job.teamId, job: item.job }));
    });
    if (stopped) throw new Error('stopped before the job was done');
    await this.deps.queue.complete(work);
  }

  private async redeliver(tenantId: string, teamId: string, parkedId: string): Promise<void> {
    const parked = await this.deps.parked.get(tenantId, teamId, parkedId);
    if (!parked?.message) return;
    const outcome = await this.deps.sender.deliver(parked.message, { teamId, ...(parked.job ? { job: parked.job } : {}) });
    this.count('redeliver', outcome);
    // Parked again: the sender rewrote the same record with the new attempt count.
    if (outcome.status !== 'parked') await this.deps.parked.remove(tenantId, teamId, parkedId);
  }

  private count(job: OutboxJob['kind'] | 'redeliver', outcome: DeliveryOutcome): void {
    if (outcome.status === 'posted' || outcome.status === 'updated') this.metrics.sent(job);
    else if (outcome.status === 'parked') this.metrics.parked(outcome.reason);
  }

  private async parkPoison(
    tenantId: string,
    teamId: string,
    why: string,
    attempts: number,
    job: OutboxJob | undefined,
    id: string,
  ): Promise<void> {
    this.deps.log.error(`outbox worker: parked ${id}: ${why}`);
    this.metrics.parked('poison');
    await this.deps.parked.put({
      tenantId,
      teamId,
      parkedId: id.replace(/[^A-Za-z0-9:-]/g, '-'),
      reason: 'poison',
      attempts,
      lastError: why,
      parkedAt: this.deps.now().toISOString(),
      ...(job ? { job } : {}),
    });
  }
}
