// One buddy round for 500 opted-in people (issue #13: under 1 s). Not a test: prints figures for
// docs/BENCHMARKS.md.
//
//   npm run bench:buddies
//
// 500 candidates from a seeded generator (skills from a 40-skill taxonomy, popular ones more often;
// levels 1–3; mostly Dutch and English; weekdays and modes; 25 teams), 3 earlier rounds computed by
// matchRound itself as the recent groups, then matchRound timed 20 times with 20 seeds: as a team
// pool, as the tenant pool (prefer other teams), and on skills alone (one language, any time, no
// earlier rounds: the baseline's own terms). Reports min/median/p95/max ms and the CPU time, the mean
// overlap per group against the plain greedy baseline (tests/unit/buddy-matching-baseline.ts, which
// ignores the recent rounds, teams and availability), and the repeats from the recent rounds.
import { ANY_TIME } from '../bot/src/domain/buddies/buddy';
import type { BuddyCandidate, MeetMode, Weekday } from '../bot/src/domain/buddies/buddy';
import { matchRound } from '../bot/src/domain/buddies/matching';
import { greedyBaseline, roundOverlap } from '../tests/unit/buddy-matching-baseline';
import { mulberry32 } from '../bot/src/domain/shared/seeded-random';

const PEOPLE = 500;
const RUNS = 20;
const RECENT_ROUNDS = 3;
const SKILLS = Array.from({ length: 40 }, (_, i) => `skill-${String(i).padStart(2, '0')}`);

function candidates(seed: number): BuddyCandidate[] {
  const random = mulberry32(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  // Popular skills first: the square of a uniform number leans to the start of the list.
  const skill = () => SKILLS[Math.floor(random() ** 2 * SKILLS.length)] as string;
  const some = <T>(all: readonly T[], chance: number) => all.filter(() => random() < chance);
  return Array.from({ length: PEOPLE }, (_, i) => {
    const teaches = new Map<string, number>();
    for (let k = between(1, 5); k > 0; k--) teaches.set(skill(), between(1, 3));
    const wants = new Set<string>();
    for (let k = between(1, 4); k > 0; k--) wants.add(skill());
    const days = some<Weekday>(['mon', 'tue', 'wed', 'thu', 'fri'], 0.6);
    const modes = some<MeetMode>(['inPerson', 'online'], 0.7);
    return {
      userId: `29:bench-${String(i).padStart(3, '0')}`,
      teaches: [...teaches].map(([s, level]) => ({ skill: s, level })),
      wants: [...wants].filter((w) => !teaches.has(w)),
      languages: [...(random() < 0.9 ? ['nl'] : []), ...(random() < 0.7 ? ['en'] : []), ...(random() < 0.05 ? ['de'] : [])],
      availability: { days: days.length > 0 ? days : ['wed'], modes: modes.length > 0 ? modes : ['online'] },
      teamIds: Array.from({ length: between(1, 3) }, () => `team-${between(1, 25)}`),
    };
  });
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const pairsOf = (groups: readonly (readonly string[])[]) =>
  new Set(groups.flatMap((g) => g.flatMap((a) => g.filter((b) => a < b).map((b) => `${a}|${b}`))));

function bench(label: string, people: BuddyCandidate[], preferOtherTeams: boolean, recentRounds: number): void {
  let recentGroups: (readonly string[])[] = [];
  for (let r = 0; r < recentRounds; r++) {
    const earlier = matchRound({ candidates: people, recentGroups, seed: 1000 + r, preferOtherTeams });
    recentGroups = [...earlier.pairs.map((p) => p.members), ...recentGroups];
  }
  const recent = pairsOf(recentGroups);
  const ms: number[] = [];
  // CPU time beside wall time: on the shared 2-core machine the wall time is mostly waiting for a core.
  const cpuMs: number[] = [];
  const overlaps: number[] = [];
  let repeats = 0;
  for (let seed = 1; seed <= RUNS; seed++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = matchRound({ candidates: people, recentGroups, seed, preferOtherTeams });
    const cpu = process.cpuUsage(cpuBefore);
    ms.push(performance.now() - started);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    const groups = result.pairs.map((p) => p.members);
    overlaps.push(roundOverlap(groups, people) / groups.length);
    repeats += [...pairsOf(groups)].filter((p) => recent.has(p)).length;
  }
  const baseline = greedyBaseline(people);
  const baselineRepeats = [...pairsOf(baseline)].filter((p) => recent.has(p)).length;
  const sorted = [...ms].sort((a, b) => a - b);
  const cpuSorted = [...cpuMs].sort((a, b) => a - b);
  const f = (v: number, digits = 1) => v.toFixed(digits);
  console.log(
    `${label.padEnd(12)} ${PEOPLE} people, ${RUNS} runs: ` +
      `min ${f(sorted[0] ?? NaN)} ms, median ${f(percentile(sorted, 50))} ms, p95 ${f(percentile(sorted, 95))} ms, max ${f(sorted.at(-1) ?? NaN)} ms ` +
      `(CPU median ${f(percentile(cpuSorted, 50))} ms, max ${f(cpuSorted.at(-1) ?? NaN)} ms); ` +
      `overlap per group ${f(overlaps.reduce((a, b) => a + b, 0) / overlaps.length, 2)} (greedy baseline ${f(roundOverlap(baseline, people) / baseline.length, 2)}); ` +
      `repeats ${repeats} in ${RUNS} rounds (baseline ${baselineRepeats})`,
  );
}

const people = candidates(20261203);
bench('team pool', people, false, RECENT_ROUNDS);
bench('tenant pool', people, true, RECENT_ROUNDS);
// Skills alone (same language, any time, no earlier rounds): the baseline's own terms.
bench(
  'skills only',
  people.map((p) => ({ ...p, languages: ['nl'], availability: ANY_TIME, teamIds: [] })),
  false,
  0,
);
