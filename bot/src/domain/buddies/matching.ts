/**
 * The buddy matching (issue #13 item 3): pure, deterministic for `input.seed`.
 *
 * How: every pair gets one score that packs the priorities in tiers (pair-score.ts). From two starts —
 * pairs ordered by score with ties by user id, and the same with ties shuffled by the seed — it
 *  1. takes pairs greedily, best score first, each person once;
 *  2. when that left a recent pair together, takes a maximum matching of fresh pairs instead
 *     (matching-fresh.ts): for an even count, a repeat stays only when every round has one;
 *  3. puts the odd one out (odd count) into the group they add most to, and when that is a repeat,
 *     looks along chains of partner changes for someone who can join a pair without one, then tries
 *     each trio without a repeat with a fresh matching of the rest (capped, see matching-fresh.ts);
 *  4. swaps one member between two groups while that strictly raises the total (a pass budget); no
 *     swap adds a repeat or lowers a tier for the sake of lower ones, since each tier outweighs them.
 * The start with the better tier totals wins (the seeded one on a tie, so the seed varies rounds).
 * The id-ordered start before step 4 is the plain greedy, and step 4 never lowers its overlap, so with
 * the tiers above overlap equal (no repeats, everyone can meet) the round is never below that greedy.
 */
import type { BuddyCandidate, BuddyPair, MatchInput, MatchResult, MatchRound } from './buddy';
import { freshTrio, freshTrioByTrying, maximiseFreshPairs } from './matching-fresh';
import { addTiers, compareTiers, groupReason, NO_TIERS, scorePairs } from './pair-score';
import type { PairScores, PairTiers } from './pair-score';
import { mulberry32 } from '../shared/seeded-random';

/** Improvement passes over all pairs of groups; a round of 500 settles in far fewer. */
const MAX_PASSES = 40;

/** What the exact trio search may spend, in steps of n² (a few ms): every trio up to about 40 people. */
const TRIO_WORK = 20_000_000;

type Group = number[];

/**
 * Every pair (as `i * n + j`, i < j) best score first, ties in index order (a counting sort on the rank
 * of each score: linear, where a comparison sort of 125,000 pairs was most of a 500-person round).
 */
function rankedPairs(scores: PairScores): Int32Array {
  const n = scores.size;
  const count = (n * (n - 1)) / 2;
  const values = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) values[k++] = scores.score[i * n + j] as number;
  const distinct = [...new Set(values)].sort((a, b) => b - a);
  const rank = new Map(distinct.map((v, r) => [v, r]));
  const starts = new Int32Array(distinct.length + 1);
  for (const v of values) (starts[(rank.get(v) as number) + 1] as number)++;
  for (let r = 0; r < distinct.length; r++) starts[r + 1] = (starts[r + 1] as number) + (starts[r] as number);
  const order = new Int32Array(count);
  k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) order[(starts[rank.get(values[k++] as number) as number] as number)++] = i * n + j;
  return order;
}

/** The same order with each run of equal scores shuffled by the seed (Fisher–Yates). */
function shuffleTies(order: Int32Array, scores: PairScores, random: () => number): Int32Array {
  const shuffled = Int32Array.from(order);
  for (let start = 0; start < shuffled.length;) {
    let end = start + 1;
    while (end < shuffled.length && scores.score[shuffled[end] as number] === scores.score[shuffled[start] as number]) end++;
    for (let i = end - 1; i > start; i--) {
      const j = start + Math.floor(random() * (i - start + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
    }
    start = end;
  }
  return shuffled;
}

/** Step 1: pairs in the order they were taken, each person once. */
function greedyPairs(n: number, order: Int32Array): [number, number][] {
  const taken = new Uint8Array(n);
  const pairs: [number, number][] = [];
  for (const key of order) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (taken[i] || taken[j]) continue;
    taken[i] = taken[j] = 1;
    pairs.push([i, j]);
  }
  return pairs;
}

/** Step 2: when the greedy left a repeat that a maximum fresh matching avoids, pairs from that matching. */
function withFewestRepeats(scores: PairScores, greedy: [number, number][]): [number, number][] {
  const n = scores.size;
  const mate = new Int32Array(n).fill(-1);
  let freshCount = 0;
  for (const [i, j] of greedy)
    if (scores.fresh[i * n + j]) {
      mate[i] = j;
      mate[j] = i;
      freshCount++;
    }
  if (freshCount === greedy.length) return greedy;
  maximiseFreshPairs(n, scores.fresh, mate);
  const pairs = pairsOf(mate);
  if (pairs.length === freshCount) return greedy;
  // Whoever has no fresh partner left is paired among themselves, best score first (repeats forced).
  const rest = [...mate.keys()].filter((i) => mate[i] === -1);
  const restScores = subScores(scores, rest);
  for (const [a, b] of greedyPairs(rest.length, rankedPairs(restScores))) pairs.push([rest[a] as number, rest[b] as number]);
  return pairs;
}

const pairsOf = (mate: Int32Array): [number, number][] =>
  [...mate.keys()].filter((i) => (mate[i] as number) > i).map((i) => [i, mate[i] as number]);

function subScores(scores: PairScores, people: readonly number[]): PairScores {
  const m = people.length;
  const score = new Float64Array(m * m);
  const fresh = new Uint8Array(m * m);
  people.forEach((p, a) =>
    people.forEach((q, b) => {
      score[a * m + b] = scores.score[p * scores.size + q] as number;
      fresh[a * m + b] = scores.fresh[p * scores.size + q] as number;
    }),
  );
  return { size: m, score, fresh, tiers: (a, b) => scores.tiers(people[a] as number, people[b] as number) };
}

const added = (scores: PairScores, person: number, group: Group) =>
  group.reduce((sum, m) => sum + (scores.score[person * scores.size + m] as number), 0);

/** Step 3: the odd one out joins the group they add most to (the first such), without a repeat when possible. */
function foldOddOne(scores: PairScores, pairs: [number, number][]): Group[] {
  const n = scores.size;
  const groups: Group[] = pairs.map((p) => [...p]);
  const alone = [...Array(n).keys()].find((i) => !pairs.some((p) => p.includes(i)));
  if (alone === undefined || groups.length === 0) return groups;
  const best = (person: number) =>
    groups.reduce((b, g, k) => (added(scores, person, g) > added(scores, person, groups[b] as Group) ? k : b), 0);
  const target = groups[best(alone)] as Group;
  // After step 2 a repeat pair means every round has one: then only the score decides.
  const fresh = (g: readonly number[]) => g.every((a) => g.every((b) => a === b || scores.fresh[a * n + b]));
  if (fresh([...target, alone]) || !groups.every(fresh)) {
    target.push(alone);
    return groups;
  }
  const mate = new Int32Array(n).fill(-1);
  for (const [i, j] of pairs) [mate[i], mate[j]] = [j, i];
  const trio = freshTrio(n, scores.fresh, mate, alone);
  if (trio) {
    const shifted = pairsOf(trio.mate).map((p): Group => [...p]);
    (shifted.find((g) => g.includes(trio.pair[0])) as Group).push(trio.third);
    return shifted;
  }
  const tried = freshTrioByTrying(n, scores.fresh, mate, Math.ceil(TRIO_WORK / (n * n)));
  if (tried) return [...pairsOf(tried.mate).map((p): Group => [...p]), [...tried.trio]];
  target.push(alone);
  return groups;
}

/** Step 4: swap one member of a group with one of another while the total strictly rises. */
function improve(scores: PairScores, groups: Group[]): void {
  const n = scores.size;
  const s = scores.score;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (let a = 0; a < groups.length; a++)
      for (let b = a + 1; b < groups.length; b++) {
        const A = groups[a] as Group;
        const B = groups[b] as Group;
        for (let i = 0; i < A.length; i++)
          for (let j = 0; j < B.length; j++) {
            const x = A[i] as number;
            const y = B[j] as number;
            let delta = 0;
            for (let k = 0; k < A.length; k++)
              if (k !== i) delta += (s[y * n + (A[k] as number)] as number) - (s[x * n + (A[k] as number)] as number);
            for (let k = 0; k < B.length; k++)
              if (k !== j) delta += (s[x * n + (B[k] as number)] as number) - (s[y * n + (B[k] as number)] as number);
            if (delta > 0) {
              A[i] = y;
              B[j] = x;
              improved = true;
            }
          }
      }
    if (!improved) return;
  }
}

function totals(scores: PairScores, groups: readonly Group[]): PairTiers {
  let sum = NO_TIERS;
  for (const g of groups)
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) sum = addTiers(sum, scores.tiers(g[i] as number, g[j] as number));
  return sum;
}

function roundFrom(scores: PairScores, order: Int32Array): { groups: Group[]; totals: PairTiers } {
  const groups = foldOddOne(scores, withFewestRepeats(scores, greedyPairs(scores.size, order)));
  improve(scores, groups);
  return { groups, totals: totals(scores, groups) };
}

function toPair(members: BuddyCandidate[]): BuddyPair {
  const sorted = [...members].sort((a, b) => (a.userId < b.userId ? -1 : 1));
  const reason = groupReason(sorted);
  const first = reason.teaches[0];
  return { members: sorted.map((m) => m.userId), reason, ...(first ? { firstTopic: first.skill } : {}) };
}

export const matchRound: MatchRound = (input: MatchInput): MatchResult => {
  // Ids in order, each once, so the round depends on who takes part, not on the order they came in.
  const byId = new Map<string, BuddyCandidate>();
  for (const c of input.candidates) if (!byId.has(c.userId)) byId.set(c.userId, c);
  const people = [...byId.values()].sort((a, b) => (a.userId < b.userId ? -1 : 1));
  const n = people.length;
  if (n < 2) return { pairs: [], leftOver: people.map((p) => p.userId) };

  const scores = scorePairs(people, input.recentGroups, input.preferOtherTeams);
  const order = rankedPairs(scores);
  const plain = roundFrom(scores, order);
  const other = roundFrom(scores, shuffleTies(order, scores, mulberry32(input.seed)));
  const best = compareTiers(other.totals, plain.totals) >= 0 ? other : plain;

  const pairs = best.groups.map((g) => toPair(g.map((i) => people[i] as BuddyCandidate)));
  return { pairs: pairs.sort((a, b) => ((a.members[0] ?? '') < (b.members[0] ?? '') ? -1 : 1)), leftOver: [] };
};
