import type { QueueClient } from '@azure/storage-queue';
import type { EnqueueOptions, Outbox, OutboxJob } from '../../domain/delivery/outbox';
import { guard } from '../shared/storage-errors';

/** Azure Storage Queues hide a message for at most 7 days; a later job is re-queued by the worker until due. */
export const MAX_VISIBILITY_SECONDS = 7 * 24 * 3600 - 60;

interface OutboxEnvelope {
  readonly job: OutboxJob;
  /** ISO time before which the job must not run (the worker re-queues it when taken early). */
  readonly notBefore?: string;
  readonly enqueuedAt: string;
}

/** The outbox over an Azure Storage Queue: durable, shared by every instance. */
export class QueueOutbox implements Outbox {
  constructor(
    private readonly queue: QueueClient,
    private readonly now: () => Date,
  ) {}

  async enqueue(job: OutboxJob, options: EnqueueOptions = {}): Promise<void> {
    const now = this.now();
    const envelope: OutboxEnvelope = {
      job,
      ...(options.notBefore ? { notBefore: options.notBefore.toISOString() } : {}),
      enqueuedAt: now.toISOString(),
    };
    const delaySeconds = options.notBefore ? Math.ceil((options.notBefore.getTime() - now.getTime()) / 1000) : 0;
    const visibilityTimeout = Math.min(Math.max(delaySeconds, 0), MAX_VISIBILITY_SECONDS);
    // Base64 keeps any character safe in the queue's XML body.
    const text = Buffer.from(JSON.stringify(envelope), 'utf8').toString('base64');
    await guard(`enqueueing ${job.kind}`, () => this.queue.sendMessage(text, { visibilityTimeout, messageTimeToLive: -1 }));
  }
}

export function decodeEnvelope(messageText: string): OutboxEnvelope {
  return JSON.parse(Buffer.from(messageText, 'base64').toString('utf8')) as OutboxEnvelope;
}
