/**
 * The plain greedy the matching must never do worse than, written apart from bot/src/domain/buddies so
 * that a mistake there does not hide here. Overlap only: a wants X and b teaches X counts b's level,
 * and the other way round. People in user id order; pairs best overlap first, ties by that order; the
 * odd one out joins the group (in the order taken) they add most overlap to, the first on a tie.
 */
import type { BuddyCandidate } from '../../bot/src/domain/buddies/buddy';

function teachLevel(teacher: BuddyCandidate, skill: string): number {
  return Math.max(0, ...teacher.teaches.filter((t) => t.skill === skill).map((t) => t.level));
}

export function pairOverlap(a: BuddyCandidate, b: BuddyCandidate): number {
  const learns = (learner: BuddyCandidate, teacher: BuddyCandidate) =>
    [...new Set(learner.wants)].reduce((sum, skill) => sum + teachLevel(teacher, skill), 0);
  return learns(a, b) + learns(b, a);
}

/** The overlap of a round: every two people in the same group. */
export function roundOverlap(groups: readonly (readonly string[])[], candidates: readonly BuddyCandidate[]): number {
  const byId = new Map(candidates.map((c) => [c.userId, c]));
  let sum = 0;
  for (const group of groups)
    group.forEach((a, i) =>
      group.slice(i + 1).forEach((b) => {
        const x = byId.get(a);
        const y = byId.get(b);
        if (x && y) sum += pairOverlap(x, y);
      }),
    );
  return sum;
}

export function greedyBaseline(candidates: readonly BuddyCandidate[]): string[][] {
  const people = [...candidates].sort((a, b) => (a.userId < b.userId ? -1 : 1));
  const options: { i: number; j: number; overlap: number }[] = [];
  people.forEach((a, i) => people.forEach((b, j) => j > i && options.push({ i, j, overlap: pairOverlap(a, b) })));
  options.sort((x, y) => y.overlap - x.overlap || x.i - y.i || x.j - y.j);
  const taken = new Set<number>();
  const groups: number[][] = [];
  for (const { i, j } of options) {
    if (taken.has(i) || taken.has(j)) continue;
    taken.add(i).add(j);
    groups.push([i, j]);
  }
  const alone = people.findIndex((_, i) => !taken.has(i));
  if (alone >= 0 && groups.length > 0) {
    const adds = groups.map((g) =>
      g.reduce((sum, m) => sum + pairOverlap(people[alone] as BuddyCandidate, people[m] as BuddyCandidate), 0),
    );
    groups[adds.indexOf(Math.max(...adds))]?.push(alone);
  }
  return groups.map((g) => g.map((i) => (people[i] as BuddyCandidate).userId));
}
