import type { Logger } from '../../domain/shared/logger';
import { startRepeating } from '../shared/repeating-timer';
import type { RepeatingPass } from '../shared/repeating-timer';

interface BuddySchedulerDeps {
  /** One pass of the domain's scheduling (BuddyServices.enqueueDueRounds): answers how many rounds it enqueued. */
  readonly enqueueDue: () => Promise<number>;
  readonly log: Logger;
  /** Between two passes; the first runs `firstAfterMs` after the start (default 5 seconds). */
  readonly everyMs: number;
  readonly firstAfterMs?: number;
}

/**
 * Starts learning-buddy rounds on each pool's cadence (DESIGN F8): a timer on every instance that
 * runs the worker. No lease: each due slot is claimed under its schedule row's ETag and its round is
 * named by the slot, so instances passing at once enqueue it once, and a round is computed once anyway.
 * A failed pass is logged; the next one catches up (a due entry stays until its round is enqueued).
 */
export function startBuddyScheduler(deps: BuddySchedulerDeps): RepeatingPass {
  const runOnce = async (): Promise<void> => {
    try {
      const enqueued = await deps.enqueueDue();
      if (enqueued > 0) deps.log.info('buddies: rounds due were enqueued', { enqueued });
    } catch (error) {
      deps.log.error('buddies: the scheduler pass failed; the next one catches up', error);
    }
  };

  return startRepeating(runOnce, { everyMs: deps.everyMs, firstAfterMs: deps.firstAfterMs ?? 5_000 });
}
