import type { QueueClient } from '@azure/storage-queue';
import type { LeasedWork, WorkItem, WorkQueue } from '../../domain/delivery/delivery';
import type { OutboxJob } from '../../domain/delivery/outbox';
import { MAX_VISIBILITY_SECONDS } from './queue-outbox';
import { guard } from '../shared/storage-errors';

// A record over every kind, so a job kind added to the outbox without being listed here does not
// compile (before, `notifyAskers` was missing: its jobs were parked as unreadable instead of sent).
const KNOWN_KINDS: Readonly<Record<OutboxJob['kind'], true>> = {
  postInvite: true,
  updateInvite: true,
  postReminder: true,
  requestFeedback: true,
  notifyPerson: true,
  postKudos: true,
  startBuddyRound: true,
  askBuddiesMet: true,
  foldInsights: true,
  postPulse: true,
  nudgeMember: true,
  notifyAskers: true,
  alertTeachers: true,
  celebrateMilestones: true,
};
const JOB_KINDS = Object.keys(KNOWN_KINDS) as readonly OutboxJob['kind'][];

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * Reads a queue message: a job envelope written by QueueOutbox (`{job, notBefore?, enqueuedAt}`) or
 * a redelivery request (`{redeliver: {tenantId, teamId, parkedId}}`). Anything else is unreadable:
 * the worker parks it instead of trying it forever.
 */
function decodeWorkItem(text: string): WorkItem | { readonly kind: 'unreadable'; readonly problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    return { kind: 'unreadable', problem: 'not base64 JSON' };
  }
  if (!isObject(value)) return { kind: 'unreadable', problem: 'not a JSON object' };
  const { job, redeliver, notBefore } = value;
  if (isObject(redeliver)) {
    const { tenantId, teamId, parkedId } = redeliver;
    if (isId(tenantId) && isId(teamId) && isId(parkedId)) return { kind: 'redeliver', tenantId, teamId, parkedId };
    return { kind: 'unreadable', problem: 'redelivery request without tenantId, teamId and parkedId' };
  }
  if (!isObject(job)) return { kind: 'unreadable', problem: 'no job' };
  if (!JOB_KINDS.includes(job.kind as OutboxJob['kind']))
    return { kind: 'unreadable', problem: `unknown job kind ${JSON.stringify(job.kind)}` };
  if (!isId(job.tenantId) || !isId(job.teamId)) return { kind: 'unreadable', problem: 'job without tenantId and teamId' };
  if ((job.kind === 'startBuddyRound' || job.kind === 'askBuddiesMet') && !isId(job.roundId))
    return { kind: 'unreadable', problem: 'buddy job without roundId' };
  const at = typeof notBefore === 'string' ? new Date(notBefore) : undefined;
  if (at && Number.isNaN(at.getTime())) return { kind: 'unreadable', problem: 'notBefore is not a time' };
  return { kind: 'job', job: job as unknown as OutboxJob, ...(at ? { notBefore: at } : {}) };
}

/** The `peerlearn-jobs` queue as the worker sees it: leases through the visibility timeout. */
export class StorageWorkQueue implements WorkQueue {
  // A pop receipt changes on every update; the latest one is needed to extend or delete.
  private readonly receipts = new Map<string, string>();

  constructor(private readonly queue: QueueClient) {}

  async receive(max: number, leaseSeconds: number): Promise<LeasedWork[]> {
    const response = await guard('receiving jobs', () =>
      this.queue.receiveMessages({ numberOfMessages: Math.min(32, Math.max(1, max)), visibilityTimeout: leaseSeconds }),
    );
    return response.receivedMessageItems.map((m) => {
      this.receipts.set(m.messageId, m.popReceipt);
      const decoded = decodeWorkItem(m.messageText);
      return {
        id: m.messageId,
        dequeueCount: m.dequeueCount,
        item: decoded.kind === 'unreadable' ? { ...decoded, raw: m.messageText.slice(0, 2_000) } : decoded,
      };
    });
  }

  async complete(work: LeasedWork): Promise<void> {
    const receipt = this.receipt(work);
    await guard('deleting a finished job', () => this.queue.deleteMessage(work.id, receipt));
    this.receipts.delete(work.id);
  }

  async extend(work: LeasedWork, leaseSeconds: number): Promise<void> {
    const receipt = this.receipt(work);
    const updated = await guard('extending a job lease', () => this.queue.updateMessage(work.id, receipt, undefined, leaseSeconds));
    if (updated.popReceipt) this.receipts.set(work.id, updated.popReceipt);
  }

  async release(work: LeasedWork): Promise<void> {
    const receipt = this.receipt(work);
    await guard('releasing a job lease', () => this.queue.updateMessage(work.id, receipt, undefined, 0));
    this.receipts.delete(work.id);
  }

  async defer(work: LeasedWork, notBefore: Date, now: Date): Promise<void> {
    if (work.item.kind !== 'job') throw new Error('only jobs are deferred');
    const delay = Math.ceil((notBefore.getTime() - now.getTime()) / 1000);
    const envelope = { job: work.item.job, notBefore: notBefore.toISOString(), enqueuedAt: now.toISOString() };
    // A fresh copy (its dequeue count starts again) first, then the old one goes: a crash in
    // between leaves two copies of a job whose messages the idempotency record deduplicates.
    await guard('re-queueing an early job', () =>
      this.queue.sendMessage(encode(envelope), {
        visibilityTimeout: Math.min(Math.max(delay, 0), MAX_VISIBILITY_SECONDS),
        messageTimeToLive: -1,
      }),
    );
    await this.complete(work);
  }

  async requestRedelivery(tenantId: string, teamId: string, parkedId: string): Promise<void> {
    await guard('queueing a redelivery', () =>
      this.queue.sendMessage(encode({ redeliver: { tenantId, teamId, parkedId }, enqueuedAt: new Date().toISOString() }), {
        messageTimeToLive: -1,
      }),
    );
  }

  private receipt(work: LeasedWork): string {
    const receipt = this.receipts.get(work.id);
    if (!receipt) throw new Error(`no lease on queue message ${work.id}`);
    return receipt;
  }
}
