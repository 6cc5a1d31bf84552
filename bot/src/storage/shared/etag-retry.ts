import { ConcurrencyError } from '../../domain/shared/repositories';
import { isLostRace } from './storage-errors';

export interface ConflictRetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

// Sized for a burst of ~50 people answering the same invite at once: every round one writer wins,
// and full jitter spreads the others so they do not collide again in lockstep.
export const DEFAULT_CONFLICT_RETRY: ConflictRetryPolicy = { maxAttempts: 20, baseDelayMs: 10, maxDelayMs: 400 };

/** "Full jitter" backoff: a random delay up to an exponentially growing, capped ceiling. */
export function backoffDelay(policy: ConflictRetryPolicy, failedAttempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(failedAttempts, 20));
  return Math.round(random() * ceiling);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one read-change-write attempt again while it loses a race (412 on a stale ETag, 409 on a
 * create someone else made first, 404 on a row deleted meanwhile); after `maxAttempts` it gives up
 * with ConcurrencyError.
 */
export async function retryOnConflict<T>(what: string, policy: ConflictRetryPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let attempts = 1; ; attempts += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isLostRace(error)) throw error;
      if (attempts >= policy.maxAttempts) {
        throw new ConcurrencyError(`${what}: the row kept changing; gave up after ${attempts} attempts`, { cause: error });
      }
      await sleep(backoffDelay(policy, attempts));
    }
  }
}
