import type { DeliveryRecords, ParkedDeliveries } from './delivery';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The longest a queued job stays hidden (Azure Storage Queues: 7 days): a job taken again after a
 * crash or a lease that ran out may come back that much later and must still find what it posted.
 */
const QUEUE_MAX_HIDDEN_DAYS = 7;

/** The shortest retention config.ts accepts: a job must never outlive the record of what it posted. */
export const MIN_RETENTION_DAYS = QUEUE_MAX_HIDDEN_DAYS + 1;

/**
 * Before these times rows go. Parked messages: `retentionDays` after they were parked. The
 * idempotency record: `retentionDays` plus the queue's maximum hiding time after it was last needed
 * (posted, its session's end, or found by a job that still ran), so an owner's retry of a parked job,
 * which may come up to `retentionDays` after it was parked, still skips what that job had posted.
 */
export function retentionCutoffs(now: Date, retentionDays: number): { readonly delivered: Date; readonly parked: Date } {
  return {
    delivered: new Date(now.getTime() - (retentionDays + QUEUE_MAX_HIDDEN_DAYS) * DAY_MS),
    parked: new Date(now.getTime() - retentionDays * DAY_MS),
  };
}

interface RetentionDeps {
  readonly delivered: Pick<DeliveryRecords, 'sweep'>;
  readonly parked: Pick<ParkedDeliveries, 'sweep'>;
  readonly retentionDays: number;
}

/**
 * Table Storage has no time-to-live: this deletes the delivery rows that have served their purpose.
 * Every delete is idempotent, so two instances sweeping at once only repeat each other's work.
 */
export async function sweepDeliveryRows(deps: RetentionDeps, now: Date): Promise<{ readonly delivered: number; readonly parked: number }> {
  const cutoffs = retentionCutoffs(now, deps.retentionDays);
  // Parked first: a parked job is what could still need a delivery record.
  const parked = await deps.parked.sweep(cutoffs.parked);
  const delivered = await deps.delivered.sweep(cutoffs.delivered);
  return { delivered, parked };
}
