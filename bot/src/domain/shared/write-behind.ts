import type { Logger } from './logger';

interface WriteBehindOptions<T> {
  /** Two items with the same key are the same record: the later one replaces a pending earlier one. */
  readonly keyOf: (item: T) => string;
  /** Writes a batch (at most `maxBatch` items); throws to have the batch tried again. */
  readonly write: (items: readonly T[]) => Promise<void>;
  readonly maxBatch: number;
  readonly log: Pick<Logger, 'error'>;
  /** What the log says was being written. */
  readonly what: string;
  /** Attempts per batch before it is given up (and logged as lost). */
  readonly attempts?: number;
  /** Pause before the next attempt, times the attempt number. */
  readonly retryDelayMs?: number;
  /** How long a batch waits for more items before it is written (0: only for those of the same moment). */
  readonly lingerMs?: number;
}

interface WriteBehind<T> {
  /** Queues the item; it is written after the caller has moved on, with the others queued by then. */
  add(item: T): void;
  /** Resolves once everything queued so far is written (or given up). */
  settled(): Promise<void>;
}

/**
 * Bookkeeping that must be stored but need not hold up an answer: queued, coalesced per key and
 * written in batches, one batch at a time, after the answer. A burst of 200 first-time senders cost
 * 200 × 5 round trips before each answer (docs/BENCHMARKS.md, RSVP burst); behind the answers, it is
 * a few batches. One writer per instance: only one batch is on the wire at a time.
 */
export function createWriteBehind<T>(options: WriteBehindOptions<T>): WriteBehind<T> {
  const { keyOf, write, maxBatch, log, what } = options;
  const attempts = options.attempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const lingerMs = options.lingerMs ?? 0;
  const pending = new Map<string, T>();
  let running: Promise<void> | undefined;

  async function writeWithRetry(batch: readonly T[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await write(batch);
        return;
      } catch (error) {
        if (attempt >= attempts) {
          log.error(`write-behind: ${batch.length} ${what} could not be written after ${attempts} attempts`, error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs * attempt));
      }
    }
  }

  async function drain(): Promise<void> {
    while (pending.size > 0) {
      // Let answers of the same moment (or the next few) queue up first, so they share a batch.
      await new Promise((resolve) => (lingerMs > 0 ? setTimeout(resolve, lingerMs) : setImmediate(resolve)));
      const batch: T[] = [];
      for (const [key, item] of pending) {
        batch.push(item);
        pending.delete(key);
        if (batch.length >= maxBatch) break;
      }
      await writeWithRetry(batch);
    }
  }

  function start(): void {
    if (running) return;
    running = drain().finally(() => {
      running = undefined;
      if (pending.size > 0) start();
    });
  }

  return {
    add(item) {
      const key = keyOf(item);
      // Re-inserted, so the latest item also takes the latest place in line.
      pending.delete(key);
      pending.set(key, item);
      start();
    },
    async settled() {
      while (running) await running;
    },
  };
}
