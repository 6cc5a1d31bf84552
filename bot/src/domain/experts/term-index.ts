import { distanceWithin, typoBudget } from './text-fold';
import type { MatchQuality } from './skill-taxonomy';

interface TermMatch {
  readonly term: string;
  readonly ids: ReadonlySet<number>;
  readonly quality: MatchQuality;
}

/**
 * An inverted index from folded words to document ids, with exact, prefix and typo-tolerant look-up.
 * The vocabulary (distinct words) is small next to the documents, so a look-up scans it: a binary
 * search for prefixes and a length-bounded edit-distance pass for typos.
 */
export class TermIndex {
  private readonly postings = new Map<string, Set<number>>();
  private sorted: string[] | undefined;
  private byLength: Map<number, string[]> | undefined;

  add(term: string, id: number): void {
    let ids = this.postings.get(term);
    if (!ids) {
      ids = new Set();
      this.postings.set(term, ids);
      this.sorted = undefined;
      this.byLength = undefined;
    }
    ids.add(id);
  }

  remove(term: string, id: number): void {
    const ids = this.postings.get(term);
    if (!ids) return;
    ids.delete(id);
    if (ids.size === 0) {
      this.postings.delete(term);
      this.sorted = undefined;
      this.byLength = undefined;
    }
  }

  get(term: string): ReadonlySet<number> | undefined {
    return this.postings.get(term);
  }

  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  get vocabularySize(): number {
    return this.postings.size;
  }

  /** Every word that matches `term`: exact, words it starts (from `minPrefix` characters), words within its typo budget. */
  match(term: string, minPrefix: number): TermMatch[] {
    const found: TermMatch[] = [];
    const exact = this.postings.get(term);
    if (exact) found.push({ term, ids: exact, quality: 'exact' });
    if (term.length >= minPrefix) {
      const sorted = this.sortedTerms();
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((sorted[mid] ?? '') < term) low = mid + 1;
        else high = mid;
      }
      for (let i = low; i < sorted.length; i += 1) {
        const word = sorted[i] ?? '';
        if (!word.startsWith(term)) break;
        if (word === term) continue;
        const ids = this.postings.get(word);
        if (ids) found.push({ term: word, ids, quality: 'prefix' });
      }
    }
    const budget = typoBudget(term);
    if (budget > 0) {
      const buckets = this.lengthBuckets();
      for (let length = term.length - budget; length <= term.length + budget; length += 1) {
        for (const word of buckets.get(length) ?? []) {
          if (word === term || (word.startsWith(term) && term.length >= minPrefix)) continue;
          if (distanceWithin(term, word, budget) !== undefined) {
            const ids = this.postings.get(word);
            if (ids) found.push({ term: word, ids, quality: 'typo' });
          }
        }
      }
    }
    return found;
  }

  private sortedTerms(): string[] {
    this.sorted ??= [...this.postings.keys()].sort();
    return this.sorted;
  }

  private lengthBuckets(): Map<number, string[]> {
    if (!this.byLength) {
      const buckets = new Map<number, string[]>();
      for (const word of this.postings.keys()) {
        const bucket = buckets.get(word.length);
        if (bucket) bucket.push(word);
        else buckets.set(word.length, [word]);
      }
      this.byLength = buckets;
    }
    return this.byLength;
  }
}
