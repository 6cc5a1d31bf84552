import { sweepDeliveryRows } from '../../domain/delivery/retention';
import type { DeliveryRecords, ParkedDeliveries } from '../../domain/delivery/delivery';
import type { Logger } from '../../domain/shared/logger';
import { startRepeating } from '../shared/repeating-timer';
import type { RepeatingPass } from '../shared/repeating-timer';

interface RetentionSweepDeps {
  readonly delivered: Pick<DeliveryRecords, 'sweep'>;
  readonly parked: Pick<ParkedDeliveries, 'sweep'>;
  readonly retentionDays: number;
  readonly now: () => Date;
  readonly log: Logger;
  /** Between two sweeps (default 6 hours); the first one runs `firstAfterMs` after the start (default 1 minute). */
  readonly everyMs?: number;
  readonly firstAfterMs?: number;
}

const SIX_HOURS_MS = 6 * 3600 * 1000;

/**
 * The delivery rows' retention (issue #15), swept by a timer on every instance that runs the worker.
 * No lease: a sweep only deletes rows past their time, each delete is idempotent, and a few reads
 * every six hours per instance cost less than a lease row would; two instances sweeping at once
 * just find fewer rows the second time. A failed sweep is logged and the next one catches up.
 */
export function startRetentionSweep(deps: RetentionSweepDeps): RepeatingPass {
  const runOnce = async (): Promise<void> => {
    const started = Date.now();
    try {
      const swept = await sweepDeliveryRows(deps, deps.now());
      deps.log.info('retention: delivery rows swept', {
        delivered: swept.delivered,
        parked: swept.parked,
        retentionDays: deps.retentionDays,
        ms: Date.now() - started,
      });
    } catch (error) {
      deps.log.error('retention: the sweep of delivery rows failed; the next one catches up', error);
    }
  };

  return startRepeating(runOnce, { everyMs: deps.everyMs ?? SIX_HOURS_MS, firstAfterMs: deps.firstAfterMs ?? 60_000 });
}
