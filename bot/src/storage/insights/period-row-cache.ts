import type { PeriodRollup } from '../../domain/insights/insights-repositories';

interface PeriodRowCacheOptions {
  /** Ids held at most, over all rows (a row weighs its id lists): about 60 bytes an id. */
  readonly maxIds?: number;
  /** A row is read again after this long even when its ETag did not change: an erased id is not held for ever. */
  readonly maxAgeMs?: number;
  readonly clock?: () => number;
}

interface Held {
  readonly etag: string;
  readonly rollup: PeriodRollup;
  readonly weight: number;
  readonly readAtMs: number;
}

/**
 * Parsed period rows by table key and ETag. A report of two years reads ~180 period rows, each
 * with id lists up to the team's size; a fold rewrites one week and one month, so almost every row
 * a report needs is unchanged since the last one. Storage still says which rows there are and their
 * ETags (a query of one small property): a row is used from here only when its ETag is the same,
 * so any write (a fold, a privacy rewrite) is read again at once.
 */
export class PeriodRowCache {
  private readonly held = new Map<string, Held>();
  private weight = 0;
  private readonly maxIds: number;
  private readonly maxAgeMs: number;
  private readonly clock: () => number;

  constructor(options: PeriodRowCacheOptions = {}) {
    this.maxIds = options.maxIds ?? 300_000;
    this.maxAgeMs = options.maxAgeMs ?? 30 * 60_000;
    this.clock = options.clock ?? Date.now;
  }

  get(key: string, etag: string | undefined): PeriodRollup | undefined {
    const found = this.held.get(key);
    if (!found || etag === undefined || found.etag !== etag) return undefined;
    if (this.clock() - found.readAtMs >= this.maxAgeMs) {
      this.drop(key, found);
      return undefined;
    }
    // Most recently used last: the first entries are the ones to drop.
    this.held.delete(key);
    this.held.set(key, found);
    return found.rollup;
  }

  set(key: string, etag: string | undefined, rollup: PeriodRollup): void {
    const old = this.held.get(key);
    if (old) this.drop(key, old);
    if (etag === undefined) return;
    const weight = 1 + rollup.learnerIds.length + rollup.teacherIds.length;
    this.held.set(key, { etag, rollup, weight, readAtMs: this.clock() });
    this.weight += weight;
    for (const [oldest, entry] of this.held) {
      if (this.weight <= this.maxIds) break;
      this.drop(oldest, entry);
    }
  }

  private drop(key: string, entry: Held): void {
    this.held.delete(key);
    this.weight -= entry.weight;
  }
}
