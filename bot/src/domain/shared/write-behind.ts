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
  /**
   * How long no new item must arrive before a batch is written (0: only those of the same moment):
   * a burst's bookkeeping waits until the burst's answers have left instead of competing with them.
   */
  readonly lingerMs?: number;
  /** However busy it stays, nothing waits longer than this before its batch is written. */
  readonly maxWaitMs?: number;
  /**
   * True while the work these items follow is still being served (RSVP answers in flight): a batch
   * waits for it too, not only for items to stop arriving, within `maxWaitMs`. The items of a burst
   * arrive when its requests do, long before their answers have left.
   */
  readonly busy?: () => boolean;
}

interface WriteBehind<T> {
  /** Queues the item; it is written after the caller has moved on, with the others queued by then. */
  add(item: T): void;
  /**
   * Drops what is queued under the key and waits for a batch holding it that is already on the wire:
   * afterwards nothing of the key's is left to be written (an erase must not be undone by it).
   */
  forget(key: string): Promise<void>;
  /** Resolves once everything queued so far is written (or given up). */
  settled(): Promise<void>;
}

/** However many items wait for a quiet moment, this many batches' worth are written without waiting. */
const BATCHES_HELD = 10;

/**
 * Bookkeeping that must be stored but need not hold up an answer: queued, coalesced per key and
 * written in batches, one batch at a time, after the answer. A burst of 200 first-time senders cost
 * 200 × 5 round trips before each answer (docs/BENCHMARKS.md, RSVP burst); behind the answers, it is
 * a few batches, written once the burst has calmed down. One writer per instance: only one batch is
 * on the wire at a time.
 */
export function createWriteBehind<T>(options: WriteBehindOptions<T>): WriteBehind<T> {
  const { keyOf, write, maxBatch, log, what } = options;
  const attempts = options.attempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const lingerMs = options.lingerMs ?? 0;
  const maxWaitMs = Math.max(options.maxWaitMs ?? lingerMs, lingerMs);
  const pending = new Map<string, T>();
  let running: Promise<void> | undefined;
  let lastAdded = 0;
  // The keys of the batch on the wire, and that batch's write (with its retries).
  let writing: { readonly keys: ReadonlySet<string>; readonly done: Promise<void> } | undefined;

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

  /** Until no item came for `lingerMs` and nothing is `busy`, at most `maxWaitMs` after the wait began, or enough are queued. */
  async function quietMoment(): Promise<void> {
    if (lingerMs <= 0) {
      await new Promise((resolve) => setImmediate(resolve));
      return;
    }
    const began = performance.now();
    for (;;) {
      const now = performance.now();
      const untilBound = began + maxWaitMs - now;
      if (untilBound <= 0 || pending.size === 0 || pending.size >= maxBatch * BATCHES_HELD) return;
      const untilQuiet = lastAdded + lingerMs - now;
      // Items stopped coming: still wait (a linger at a time) while what they follow is being served.
      const wait = untilQuiet > 0 ? Math.min(untilQuiet, untilBound) : options.busy?.() ? Math.min(lingerMs, untilBound) : 0;
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  async function drain(): Promise<void> {
    while (pending.size > 0) {
      // Let answers of the same moment (or the rest of a burst) queue up first, so they share a batch.
      await quietMoment();
      const batch: T[] = [];
      const keys = new Set<string>();
      for (const [key, item] of pending) {
        batch.push(item);
        keys.add(key);
        pending.delete(key);
        if (batch.length >= maxBatch) break;
      }
      if (batch.length === 0) continue;
      const done = writeWithRetry(batch);
      writing = { keys, done };
      await done;
      writing = undefined;
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
      lastAdded = performance.now();
      start();
    },
    async forget(key) {
      pending.delete(key);
      const onTheWire = writing;
      if (onTheWire?.keys.has(key)) await onTheWire.done;
    },
    async settled() {
      while (running) await running;
    },
  };
}
