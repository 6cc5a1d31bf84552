export interface Candidate {
  readonly id: number;
  readonly score: number;
  /** The skill the score is about (skill tiers); else the person's strongest. */
  readonly skillKey?: string;
  readonly wantedBy?: number;
}

/** How two documents with the same score are ordered: by folded name, then id (a stable order). */
export interface TieBreak {
  sortName(id: number): string;
  userId(id: number): string;
}

/** Keeps the best `k` in order without sorting everything: most candidates lose one number comparison. */
export class TopK {
  readonly items: Candidate[] = [];
  constructor(
    private readonly k: number,
    private readonly docs: TieBreak,
  ) {}

  get full(): boolean {
    return this.items.length >= this.k;
  }

  /** Ties on score go by name, then id: a stable order whatever the insertion order. */
  private before(a: Candidate, b: Candidate): boolean {
    if (a.score !== b.score) return a.score > b.score;
    const na = this.docs.sortName(a.id);
    const nb = this.docs.sortName(b.id);
    if (na !== nb) return na < nb;
    return this.docs.userId(a.id) < this.docs.userId(b.id);
  }

  /** Could this doc with this score still get in, ties included? Walks of sorted lists stop at the first no. */
  wouldTake(id: number, value: number): boolean {
    if (this.k === 0) return false;
    if (this.items.length < this.k) return true;
    return this.before({ id, score: value }, this.items[this.items.length - 1] as Candidate);
  }

  /** Could a candidate with this score still get in? (Cheap pre-check before building one.) */
  admits(value: number): boolean {
    if (this.k === 0) return false;
    if (this.items.length < this.k) return true;
    return value >= (this.items[this.items.length - 1] as Candidate).score;
  }

  offer(item: Candidate): void {
    const items = this.items;
    if (this.k === 0) return;
    if (items.length >= this.k && !this.before(item, items[items.length - 1] as Candidate)) return;
    let low = 0;
    let high = items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.before(items[mid] as Candidate, item)) low = mid + 1;
      else high = mid;
    }
    items.splice(low, 0, item);
    if (items.length > this.k) items.pop();
  }

  remove(id: number): void {
    const at = this.items.findIndex((c) => c.id === id);
    if (at >= 0) this.items.splice(at, 1);
  }
}
