import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ANY_TIME, MEET_MODES, WEEKDAYS } from '../../bot/src/domain/buddies/buddy';
import type { BuddyCandidate, MatchInput, MatchResult } from '../../bot/src/domain/buddies/buddy';
import { matchRound } from '../../bot/src/domain/buddies/matching';
import { greedyBaseline, roundOverlap } from './buddy-matching-baseline';

// A small alphabet of skills so that wants and teaches overlap often. Arrays explore their whole
// length range (`size: 'max'`), not fast-check's default of small ones.
const SKILLS = ['excel', 'power bi', 'python', 'scrum', 'sql', 'facilitation'];
const RUNS = { numRuns: 150 };

const facts = fc.record({
  teaches: fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 3 }) }), {
    selector: (t) => t.skill,
    maxLength: 4,
  }),
  wants: fc.subarray(SKILLS, { maxLength: 3 }),
  languages: fc.subarray(['nl', 'en', 'de'], { minLength: 1 }),
  days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  modes: fc.subarray([...MEET_MODES], { minLength: 1 }),
  teamIds: fc.subarray(['team-a', 'team-b', 'team-c'], { minLength: 1 }),
});
type Facts = typeof facts extends fc.Arbitrary<infer T> ? T : never;

const toCandidates = (all: readonly Facts[]): BuddyCandidate[] =>
  all.map((f, i) => ({ userId: `u${String(i).padStart(2, '0')}`, ...f, availability: { days: f.days, modes: f.modes } }));

/** Candidates who differ only in skills: the greedy baseline and the matching rank pairs alike. */
const skillsOnly = (all: readonly Facts[]): BuddyCandidate[] =>
  toCandidates(all).map((c) => ({ ...c, languages: ['nl'], availability: ANY_TIME, teamIds: [] }));

/** Up to three earlier rounds of random groups of two or three of these people. */
const recentOf = (ids: readonly string[]) =>
  ids.length < 2
    ? fc.constant([])
    : fc.array(fc.shuffledSubarray([...ids], { minLength: 2, maxLength: Math.min(3, ids.length) }), {
        maxLength: Math.min(30, ids.length * 2),
        size: 'max',
      });

const roundInput = (size: { min: number; max: number }) =>
  fc
    .array(facts, { minLength: size.min, maxLength: size.max, size: 'max' })
    .map(toCandidates)
    .chain((candidates) =>
      fc.record({
        candidates: fc.constant(candidates),
        recentGroups: recentOf(candidates.map((c) => c.userId)),
        seed: fc.integer(),
        preferOtherTeams: fc.boolean(),
      }),
    );

const groupsOf = (result: MatchResult) => result.pairs.map((p) => p.members);
const together = (groups: readonly (readonly string[])[]) =>
  new Set(groups.flatMap((g) => g.flatMap((a) => g.filter((b) => a < b).map((b) => `${a}|${b}`))));
const repeats = (groups: readonly (readonly string[])[], recent: readonly (readonly string[])[]) => {
  const before = together(recent);
  return [...together(groups)].filter((pair) => before.has(pair)).length;
};

/** Every way to split people into pairs and, while `trio`, one group of three (an odd count needs it). */
function* partitions(ids: readonly string[], trio: boolean): Generator<string[][]> {
  const [first, ...rest] = ids;
  if (first === undefined) return yield [];
  for (let i = 0; i < rest.length; i++) {
    const without = (...skip: number[]) => rest.filter((_, k) => !skip.includes(k));
    for (const tail of partitions(without(i), trio)) yield [[first, rest[i] as string], ...tail];
    if (trio)
      for (let j = i + 1; j < rest.length; j++)
        for (const tail of partitions(without(i, j), false)) yield [[first, rest[i] as string, rest[j] as string], ...tail];
  }
}

describe('matchRound properties', () => {
  it('puts everyone in exactly one group: pairs, one trio only for an odd count of 3 or more, a lone person left over', () => {
    fc.assert(
      fc.property(roundInput({ min: 0, max: 60 }), (input) => {
        const result = matchRound(input);
        const placed = [...groupsOf(result).flat(), ...result.leftOver].sort();
        expect(placed).toEqual(input.candidates.map((c) => c.userId).sort());
        const n = input.candidates.length;
        const sizes = groupsOf(result).map((g) => g.length);
        expect(sizes.filter((s) => s === 3)).toHaveLength(n % 2 === 1 && n >= 3 ? 1 : 0);
        expect(sizes.every((s) => s === 2 || s === 3)).toBe(true);
        expect(result.leftOver).toHaveLength(n === 1 ? 1 : 0);
      }),
      RUNS,
    );
  });

  it('repeats no pair of the recent rounds when they were perfect matchings of an even group (a fresh round exists)', () => {
    const input = fc
      .integer({ min: 2, max: 30 })
      .chain((half) =>
        fc.tuple(fc.array(facts, { minLength: 2 * half, maxLength: 2 * half }), fc.integer({ min: 1, max: half >= 4 ? 3 : 1 })),
      )
      .chain(([all, rounds]) => {
        const candidates = toCandidates(all);
        const ids = candidates.map((c) => c.userId);
        const matching = fc
          .shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length })
          .map((order) => order.flatMap((id, i) => (i % 2 === 0 ? [[id, order[i + 1] as string]] : [])));
        return fc.record({
          candidates: fc.constant(candidates),
          recentGroups: fc.array(matching, { minLength: rounds, maxLength: rounds }).map((r) => r.flat()),
          seed: fc.integer(),
          preferOtherTeams: fc.boolean(),
        });
      });
    // Each person has at most three recent partners, so for 8 or more (and one round for fewer) the
    // fresh pairs contain a perfect matching (Dirac: every degree is at least half).
    fc.assert(
      fc.property(input, (round) => {
        expect(repeats(groupsOf(matchRound(round)), round.recentGroups)).toBe(0);
      }),
      RUNS,
    );
  });

  it('never repeats a recent pair when some round of up to 9 people avoids it (brute force), and for an even count repeats the fewest', () => {
    fc.assert(
      fc.property(roundInput({ min: 2, max: 9 }), (input) => {
        const ids = input.candidates.map((c) => c.userId);
        const fewest = Math.min(...[...partitions(ids, ids.length % 2 === 1)].map((g) => repeats(g, input.recentGroups)));
        const got = repeats(groupsOf(matchRound(input)), input.recentGroups);
        if (fewest === 0 || ids.length % 2 === 0) expect(got).toBe(fewest);
      }),
      { numRuns: 200 },
    );
  });

  it('has a total overlap at least that of the plain greedy baseline', () => {
    const input = fc.record({ all: fc.array(facts, { maxLength: 60, size: 'max' }), seed: fc.integer() });
    fc.assert(
      fc.property(input, ({ all, seed }) => {
        const candidates = skillsOnly(all);
        const result = matchRound({ candidates, recentGroups: [], seed, preferOtherTeams: false });
        expect(roundOverlap(groupsOf(result), candidates)).toBeGreaterThanOrEqual(roundOverlap(greedyBaseline(candidates), candidates));
      }),
      RUNS,
    );
  });

  it('gives the same round for the same input and seed, in any order of the candidates', () => {
    fc.assert(
      fc.property(
        roundInput({ min: 0, max: 40 }).chain((input) =>
          fc.record({
            input: fc.constant(input),
            order: fc.shuffledSubarray([...input.candidates], { minLength: input.candidates.length }),
          }),
        ),
        ({ input, order }) => {
          const again: MatchInput = { ...input, candidates: order };
          expect(matchRound(again)).toEqual(matchRound(input));
        },
      ),
      RUNS,
    );
  });

  it('explains every group with all of its teach matches, each true, and the strongest as first topic', () => {
    fc.assert(
      fc.property(roundInput({ min: 2, max: 30 }), (input) => {
        const byId = new Map(input.candidates.map((c) => [c.userId, c]));
        for (const pair of matchRound(input).pairs) {
          const members = pair.members.map((id) => byId.get(id) as BuddyCandidate);
          const expected = members.flatMap((from) =>
            members.flatMap((to) =>
              from === to
                ? []
                : from.teaches.filter((t) => to.wants.includes(t.skill)).map((t) => `${from.userId}>${to.userId}:${t.skill}@${t.level}`),
            ),
          );
          expect(pair.reason.teaches.map((t) => `${t.from}>${t.to}:${t.skill}@${t.level}`).sort()).toEqual(expected.sort());
          const top = Math.max(...pair.reason.teaches.map((t) => t.level));
          const firstTopic = pair.reason.teaches
            .filter((t) => t.level === top)
            .map((t) => t.skill)
            .sort()[0];
          expect(pair.firstTopic).toBe(firstTopic);
          for (const day of pair.reason.sharedDays) expect(members.every((m) => m.availability.days.includes(day))).toBe(true);
          for (const mode of pair.reason.sharedModes) expect(members.every((m) => m.availability.modes.includes(mode))).toBe(true);
          for (const language of pair.reason.sharedLanguages) expect(members.every((m) => m.languages.includes(language))).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
