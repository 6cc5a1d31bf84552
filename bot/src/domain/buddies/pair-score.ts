/**
 * How good two buddy candidates are together, and why. The matching (matching.ts) ranks pairs by one
 * number per pair that packs the priorities of issue #13 in tiers, highest first:
 *   fresh     — not together in the recent rounds (the matching treats it as a hard rule, see there);
 *   can meet  — at least one day and one mode in common (a pair who cannot meet is a poor pair);
 *   teams     — in the tenant pool, no team in common (breaking silos);
 *   overlap   — what one wants and the other teaches, both directions, weighted by level 1–3;
 *   languages — languages in common;
 *   time      — days plus modes in common.
 * Each tier's unit is more than six times the most all lower tiers can add to one pair, so a swap of
 * members between two groups (at most three pairs out, three in) never trades a higher tier for lower
 * ones, and the totals stay exact integers.
 */
import { MEET_MODES, WEEKDAYS } from './buddy';
import type { BuddyCandidate, BuddyReason, MeetMode, TeachMatch, Weekday } from './buddy';

/** The tiers of one pair, highest first (see the file comment). */
export interface PairTiers {
  readonly fresh: number;
  readonly canMeet: number;
  readonly otherTeams: number;
  readonly overlap: number;
  readonly languages: number;
  readonly time: number;
}

const TIERS = ['fresh', 'canMeet', 'otherTeams', 'overlap', 'languages', 'time'] as const;

/** Levels outside 1–3 count as the nearest level, so one bad row cannot outweigh the tiers above. */
const weight = (level: number) => Math.min(3, Math.max(1, Math.round(level) || 1));
const ONES = Array.from({ length: 1 << (WEEKDAYS.length + MEET_MODES.length) }, (_, mask) => mask.toString(2).replaceAll('0', '').length);

/**
 * Each person's values as a row of small numbers (one column per distinct skill, language or team), so
 * scoring 125,000 pairs of a 500-person round is array reads, not set look-ups or string keys.
 */
interface Table {
  readonly columns: ReadonlyMap<string, number>;
  readonly width: number;
  /** Person i's value in column c at `i * width + c` (0 when not theirs). */
  readonly cells: Uint8Array;
  /** Person i's columns. */
  readonly lists: readonly Int32Array[];
}

function table(people: readonly BuddyCandidate[], values: (c: BuddyCandidate) => readonly (readonly [string, number])[]): Table {
  const columns = new Map<string, number>();
  for (const p of people) for (const [key] of values(p)) if (!columns.has(key)) columns.set(key, columns.size);
  const width = columns.size;
  const cells = new Uint8Array(people.length * width);
  const lists = people.map((p, i) => {
    const own = new Set<number>();
    for (const [key, v] of values(p)) {
      const c = columns.get(key) as number;
      cells[i * width + c] = Math.max(cells[i * width + c] as number, v);
      own.add(c);
    }
    return Int32Array.from(own);
  });
  return { columns, width, cells, lists };
}

/** The scores of every pair of `candidates` (by index), as a flat n×n table, and each pair's tiers. */
export interface PairScores {
  readonly size: number;
  /** The packed score of i and j at `i * size + j` (symmetric). */
  readonly score: Float64Array;
  /** 1 where i and j were not together recently. */
  readonly fresh: Uint8Array;
  tiers(i: number, j: number): PairTiers;
}

export function scorePairs(
  candidates: readonly BuddyCandidate[],
  recentGroups: readonly (readonly string[])[],
  preferOtherTeams: boolean,
): PairScores {
  const n = candidates.length;
  const index = new Map(candidates.map((c, i) => [c.userId, i]));
  const fresh = new Uint8Array(n * n).fill(1);
  for (const group of recentGroups) {
    const members = group.map((id) => index.get(id)).filter((i) => i !== undefined);
    for (const a of members) for (const b of members) if (a !== b) fresh[a * n + b] = 0;
  }
  // Skills: what each teaches (level) and what each wants (1); languages and teams: 1 when theirs.
  const teaches = table(candidates, (c) => c.teaches.map((t) => [t.skill, weight(t.level)] as const));
  const wants = candidates.map((c) => Int32Array.from(new Set(c.wants.map((w) => teaches.columns.get(w) ?? -1).filter((k) => k >= 0))));
  const languages = table(candidates, (c) => c.languages.map((l) => [l, 1] as const));
  const teams = table(candidates, (c) => c.teamIds.map((t) => [t, 1] as const));
  const time = candidates.map(
    (c) =>
      WEEKDAYS.reduce((m, d, k) => m | (c.availability.days.includes(d) ? 1 << k : 0), 0) |
      MEET_MODES.reduce((m, d, k) => m | (c.availability.modes.includes(d) ? 1 << (WEEKDAYS.length + k) : 0), 0),
  );
  const DAYS = (1 << WEEKDAYS.length) - 1;
  const learns = (learner: number, teacher: number) => {
    let sum = 0;
    for (const s of wants[learner] as Int32Array) sum += teaches.cells[teacher * teaches.width + s] as number;
    return sum;
  };
  const shared = (t: Table, i: number, j: number) => {
    let count = 0;
    for (const c of t.lists[i] as Int32Array) count += t.cells[j * t.width + c] as number;
    return count;
  };
  const tiersOf = (i: number, j: number): PairTiers => {
    const common = (time[i] as number) & (time[j] as number);
    return {
      fresh: fresh[i * n + j] as number,
      canMeet: common & DAYS && common & ~DAYS ? 1 : 0,
      otherTeams: preferOtherTeams && shared(teams, i, j) === 0 ? 1 : 0,
      overlap: learns(i, j) + learns(j, i),
      languages: shared(languages, i, j),
      time: ONES[common] as number,
    };
  };
  // The most each tier can reach for one pair: the unit of the tier above is more than six times
  // what this tier and those below can add together.
  const ranges: PairTiers = {
    fresh: 1,
    canMeet: 1,
    otherTeams: 1,
    overlap: 3 * 2 * Math.max(0, ...wants.map((w) => w.length)),
    languages: Math.max(0, ...languages.lists.map((l) => l.length)),
    time: WEEKDAYS.length + MEET_MODES.length,
  };
  const unit = { ...ranges };
  let next = 1;
  let most = 0;
  for (const tier of [...TIERS].reverse()) {
    unit[tier] = next;
    most += ranges[tier] * next;
    next = 6 * most + 1;
  }
  const score = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const t = tiersOf(i, j);
      score[i * n + j] = score[j * n + i] =
        t.fresh * unit.fresh +
        t.canMeet * unit.canMeet +
        t.otherTeams * unit.otherTeams +
        t.overlap * unit.overlap +
        t.languages * unit.languages +
        t.time * unit.time;
    }
  return { size: n, score, fresh, tiers: tiersOf };
}

/** Compares the tier totals of two whole rounds, highest tier first (negative: `a` is worse). */
export function compareTiers(a: PairTiers, b: PairTiers): number {
  for (const tier of TIERS) if (a[tier] !== b[tier]) return a[tier] - b[tier];
  return 0;
}

export function addTiers(a: PairTiers, b: PairTiers): PairTiers {
  return {
    fresh: a.fresh + b.fresh,
    canMeet: a.canMeet + b.canMeet,
    otherTeams: a.otherTeams + b.otherTeams,
    overlap: a.overlap + b.overlap,
    languages: a.languages + b.languages,
    time: a.time + b.time,
  };
}

export const NO_TIERS: PairTiers = { fresh: 0, canMeet: 0, otherTeams: 0, overlap: 0, languages: 0, time: 0 };

/** Every way one member of a group can teach another what they want, strongest first. */
function teachMatches(members: readonly BuddyCandidate[]): TeachMatch[] {
  const found: TeachMatch[] = [];
  for (const from of members)
    for (const to of members) {
      if (from === to) continue;
      const wants = new Set(to.wants);
      const levels = new Map<string, number>();
      for (const { skill, level } of from.teaches) if (wants.has(skill)) levels.set(skill, Math.max(levels.get(skill) ?? level, level));
      for (const [skill, level] of levels) found.push({ from: from.userId, to: to.userId, skill, level });
    }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return found.sort((a, b) => b.level - a.level || byText(a.skill, b.skill) || byText(a.from, b.from) || byText(a.to, b.to));
}

/** Why a group was made: every teach match, and the languages, days and modes all members share. */
export function groupReason(members: readonly BuddyCandidate[]): BuddyReason {
  const shared = <T>(all: readonly T[], of: (c: BuddyCandidate) => readonly T[]) =>
    all.filter((v) => members.every((m) => of(m).includes(v)));
  const languages = [...new Set(members.flatMap((m) => m.languages))].sort();
  return {
    teaches: teachMatches(members),
    sharedLanguages: shared(languages, (m) => m.languages),
    sharedDays: shared<Weekday>(WEEKDAYS, (m) => m.availability.days),
    sharedModes: shared<MeetMode>(MEET_MODES, (m) => m.availability.modes),
  };
}
