import type { ExpertDoc } from './expert-doc';
import { QUALITY_RANK, RANK_QUALITY, score, TIER } from './expert-ranking';
import type { TermIndex, Postings, TermMatch } from './term-index';
import type { TopK } from './top-k';

/** What a word match needs of the index: its page so far, how to offer a doc, docs by id, a list best first. */
interface WordMatchContext {
  readonly top: TopK;
  readonly consider: (id: number, tier: number, points: number) => void;
  readonly docOf: (id: number) => ExpertDoc | undefined;
  readonly sorted: (list: Postings) => Int32Array;
}

export const bioTermsOf = (doc: ExpertDoc): string[] => (doc.bioTerms === '' ? [] : doc.bioTerms.split(' '));

/** Names or bios: every word of the query must match a word; the weakest word sets the quality. */
export function matchAllWords(
  index: TermIndex,
  words: readonly string[],
  minPrefix: number,
  field: 'name' | 'bio',
  context: WordMatchContext,
): void {
  const { top, consider, docOf, sorted } = context;
  const perWord = words.map((word) => index.match(word, minPrefix));
  if (perWord.some((matches) => matches.length === 0)) return;
  const offerDoc = (id: number, rank: number) => {
    const doc = docOf(id);
    if (doc) consider(id, TIER[field][RANK_QUALITY[rank] ?? 'typo'], doc.topPoints);
  };
  if (perWord.length === 1) {
    // One word (the common case): walk each matching word's ids, best quality first.
    const matches = [...(perWord[0] ?? [])].sort((a, b) => QUALITY_RANK[b.quality] - QUALITY_RANK[a.quality]);
    for (const { postings, quality } of matches) {
      const tier = TIER[field][quality];
      for (const id of sorted(postings)) {
        const doc = docOf(id);
        if (doc && !top.wouldTake(id, score(tier, doc.topPoints, doc.sessions))) break;
        offerDoc(id, QUALITY_RANK[quality]);
      }
    }
    return;
  }
  // Several words: drive from the word with the fewest ids, check the others against the doc's own words.
  const sizes = perWord.map((matches) => matches.reduce((n, m) => n + m.postings.ids.length, 0));
  const driver = sizes.indexOf(Math.min(...sizes));
  const ranks = perWord.map(rankByTerm);
  for (const { postings, quality } of perWord[driver] ?? []) {
    const bound = TIER[field][quality];
    for (const id of sorted(postings)) {
      const doc = docOf(id);
      if (!doc) continue;
      // The driver's quality bounds the doc's: past the page's worst, nothing later gets in.
      if (!top.wouldTake(id, score(bound, doc.topPoints, doc.sessions))) break;
      const own = field === 'name' ? doc.name.terms : bioTermsOf(doc);
      let rank = QUALITY_RANK[quality];
      for (let w = 0; w < ranks.length && rank > 0; w += 1) {
        if (w === driver) continue;
        let best = 0;
        for (const term of own) best = Math.max(best, ranks[w]?.get(term) ?? 0);
        rank = Math.min(rank, best);
      }
      if (rank > 0) offerDoc(id, rank);
    }
  }
}

/** The best quality each matched word reached for one query word. */
function rankByTerm(matches: readonly TermMatch[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const m of matches) ranks.set(m.postings.term, Math.max(ranks.get(m.postings.term) ?? 0, QUALITY_RANK[m.quality]));
  return ranks;
}
