import { distanceWithin, typoBudget } from './text-fold';
import { IdList } from './id-list';
import type { MatchQuality } from './skill-taxonomy';

/** The documents of one word: an id list (no Set beside it), kept best first by the expert index. */
export interface Postings {
  /** The word itself, the one copy every document that holds it points to. */
  readonly term: string;
  readonly ids: IdList;
}

export interface TermMatch {
  readonly postings: Postings;
  readonly quality: MatchQuality;
}

/**
 * An inverted index from folded words to document ids, with exact, prefix and typo-tolerant look-up.
 * The vocabulary (distinct words) is small next to the documents, so a look-up scans it: a binary
 * search for prefixes and a length-bounded edit-distance pass for typos. Ids are kept in one Int32Array
 * per word (4 bytes an id, see id-list.ts), not a Set (about 40): at 100,000 bios that is most of the index.
 */
export class TermIndex {
  private readonly postings = new Map<string, Postings>();
  private sortedTerms: string[] | undefined;
  private byLength: Map<number, string[]> | undefined;

  /** The word's list, created empty when new; the caller places ids in it (it knows the order). */
  open(term: string): Postings {
    let list = this.postings.get(term);
    if (!list) {
      list = { term, ids: new IdList() };
      this.postings.set(term, list);
      this.sortedTerms = undefined;
      this.byLength = undefined;
    }
    return list;
  }

  /** A word with its ids already best first (a snapshot's list, taken over as it is). */
  adopt(term: string, ids: IdList): void {
    if (this.postings.has(term)) throw new Error(`The word "${term}" is in the snapshot twice`);
    this.postings.set(term, { term, ids });
    this.sortedTerms = undefined;
    this.byLength = undefined;
  }

  remove(term: string, id: number): void {
    const list = this.postings.get(term);
    if (!list) return;
    list.ids.remove(id);
    if (list.ids.length === 0) {
      this.postings.delete(term);
      this.sortedTerms = undefined;
      this.byLength = undefined;
    }
  }

  get(term: string): Postings | undefined {
    return this.postings.get(term);
  }

  lists(): IterableIterator<Postings> {
    return this.postings.values();
  }

  get vocabularySize(): number {
    return this.postings.size;
  }

  /** Every word that matches `term`: exact, words it starts (from `minPrefix` characters), words within its typo budget. */
  match(term: string, minPrefix: number): TermMatch[] {
    const found: TermMatch[] = [];
    const exact = this.postings.get(term);
    if (exact) found.push({ postings: exact, quality: 'exact' });
    if (term.length >= minPrefix) {
      const sorted = this.sorted();
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
        const list = this.postings.get(word);
        if (list) found.push({ postings: list, quality: 'prefix' });
      }
    }
    const budget = typoBudget(term);
    if (budget > 0) {
      const buckets = this.lengthBuckets();
      for (let length = term.length - budget; length <= term.length + budget; length += 1) {
        for (const word of buckets.get(length) ?? []) {
          if (word === term || (word.startsWith(term) && term.length >= minPrefix)) continue;
          if (distanceWithin(term, word, budget) !== undefined) {
            const list = this.postings.get(word);
            if (list) found.push({ postings: list, quality: 'typo' });
          }
        }
      }
    }
    return found;
  }

  private sorted(): string[] {
    this.sortedTerms ??= [...this.postings.keys()].sort();
    return this.sortedTerms;
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
