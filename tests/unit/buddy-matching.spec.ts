import { describe, expect, it } from '@jest/globals';
import { ANY_TIME } from '../../bot/src/domain/buddies/buddy';
import type { BuddyCandidate, MatchInput } from '../../bot/src/domain/buddies/buddy';
import { matchRound } from '../../bot/src/domain/buddies/matching';

function person(userId: string, extra: Partial<BuddyCandidate> = {}): BuddyCandidate {
  return { userId, teaches: [], wants: [], languages: ['nl'], availability: ANY_TIME, teamIds: ['team'], ...extra };
}

const round = (candidates: BuddyCandidate[], extra: Partial<MatchInput> = {}) =>
  matchRound({ candidates, recentGroups: [], seed: 7, preferOtherTeams: false, ...extra });
const groups = (result: ReturnType<typeof matchRound>) => result.pairs.map((p) => [...p.members].sort()).sort();

const noor = person('noor', {
  teaches: [{ skill: 'power bi', level: 3 }],
  wants: ['facilitation'],
  languages: ['nl', 'en'],
  availability: { days: ['mon', 'tue', 'thu'], modes: ['online', 'inPerson'] },
});
const sanne = person('sanne', {
  teaches: [
    { skill: 'facilitation', level: 2 },
    { skill: 'excel', level: 3 },
  ],
  wants: ['power bi'],
  languages: ['en', 'de'],
  availability: { days: ['tue', 'thu', 'fri'], modes: ['online'] },
});

describe('matchRound', () => {
  it('pairs Noor and Sanne and says why: each can teach the other, in English, on Tuesday or Thursday, online', () => {
    const result = round([person('bram'), sanne, noor, person('ada')]);
    const pair = result.pairs.find((p) => p.members.includes('noor'));
    expect(pair?.members).toEqual(['noor', 'sanne']);
    expect(pair?.reason).toEqual({
      teaches: [
        { from: 'noor', to: 'sanne', skill: 'power bi', level: 3 },
        { from: 'sanne', to: 'noor', skill: 'facilitation', level: 2 },
      ],
      sharedLanguages: ['en'],
      sharedDays: ['tue', 'thu'],
      sharedModes: ['online'],
    });
    expect(pair?.firstTopic).toBe('power bi');
    expect(groups(result)).toEqual([
      ['ada', 'bram'],
      ['noor', 'sanne'],
    ]);
  });

  it('starts with the strongest skill, ties by name', () => {
    const a = person('a', { teaches: [{ skill: 'sql', level: 2 }], wants: ['python'] });
    const b = person('b', { teaches: [{ skill: 'python', level: 2 }], wants: ['sql'] });
    const [pair] = round([a, b]).pairs;
    expect(pair?.firstTopic).toBe('python');
    expect(round([person('c'), person('d')]).pairs[0]?.firstTopic).toBeUndefined();
  });

  it('makes one trio for three people and for five', () => {
    const three = round(['a', 'b', 'c'].map((id) => person(id)));
    expect(groups(three)).toEqual([['a', 'b', 'c']]);
    expect(three.leftOver).toEqual([]);
    const five = round(['a', 'b', 'c', 'd', 'e'].map((id) => person(id)));
    expect(five.pairs.map((p) => p.members.length).sort()).toEqual([2, 3]);
    expect(five.pairs.flatMap((p) => p.members).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('leaves one person over, and makes nothing of nobody', () => {
    expect(round([person('alone')])).toEqual({ pairs: [], leftOver: ['alone'] });
    expect(round([])).toEqual({ pairs: [], leftOver: [] });
  });

  it('pairs the same two again when they are the only two (the repeat cannot be avoided)', () => {
    expect(groups(round([person('a'), person('b')], { recentGroups: [['b', 'a']] }))).toEqual([['a', 'b']]);
  });

  it('does not repeat a recent pair, even the one with the most to teach each other, when a fresh round exists', () => {
    const recentGroups = [
      ['noor', 'sanne'],
      ['ada', 'bram'],
    ];
    const result = groups(round([noor, sanne, person('ada'), person('bram')], { recentGroups }));
    expect(result).toHaveLength(2);
    expect(result).not.toContainEqual(['noor', 'sanne']);
    expect(result).not.toContainEqual(['ada', 'bram']);
  });

  it('gives someone who was with nearly everyone the one buddy they have not had, though the greedy gives that buddy away', () => {
    // u0 was with everyone but u5; u1 and u5 have the most to teach each other, so the greedy pairs them.
    const people = [
      person('u0'),
      person('u1', { teaches: [{ skill: 'sql', level: 3 }], wants: ['excel'] }),
      person('u2'),
      person('u3'),
      person('u4'),
      person('u5', { teaches: [{ skill: 'excel', level: 3 }], wants: ['sql'] }),
    ];
    const recentGroups = [
      ['u0', 'u1', 'u2'],
      ['u0', 'u3', 'u4'],
    ];
    const result = groups(round(people, { recentGroups }));
    expect(result).toContainEqual(['u0', 'u5']);
    expect(result.flat().sort()).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5']);
    for (const g of result)
      expect([
        ['u1', 'u2'],
        ['u3', 'u4'],
      ]).not.toContainEqual(g);
  });

  it('in the tenant pool prefers people from other teams over more skill overlap', () => {
    const people = [
      person('a1', { teamIds: ['a'], teaches: [{ skill: 'sql', level: 3 }], wants: ['excel'] }),
      person('a2', { teamIds: ['a'], teaches: [{ skill: 'excel', level: 3 }], wants: ['sql'] }),
      person('b1', { teamIds: ['b'] }),
      person('b2', { teamIds: ['b'] }),
    ];
    expect(groups(round(people))).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
    ]);
    const mixed = groups(round(people, { preferOtherTeams: true }));
    expect(mixed.every((g) => g.some((m) => m.startsWith('a')) && g.some((m) => m.startsWith('b')))).toBe(true);
  });

  it('in the tenant pool still puts the repeat rule first: colleagues from one team rather than a recent pair', () => {
    const people = [
      person('a1', { teamIds: ['a'] }),
      person('a2', { teamIds: ['a'] }),
      person('b1', { teamIds: ['b'] }),
      person('b2', { teamIds: ['b'] }),
    ];
    const recentGroups = [
      ['a1', 'b1'],
      ['a2', 'b2'],
      ['a1', 'b2'],
    ];
    expect(groups(round(people, { preferOtherTeams: true, recentGroups }))).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
    ]);
  });

  it('prefers a shared language to more shared days', () => {
    const people = [
      person('a', { languages: ['nl'] }),
      person('b', { languages: ['nl'], availability: { days: ['mon'], modes: ['online', 'inPerson'] } }),
      person('c', { languages: ['en'] }),
      person('d', { languages: ['en'], availability: { days: ['mon'], modes: ['online', 'inPerson'] } }),
    ];
    expect(groups(round(people))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const sameLanguage = people.map((p) => ({ ...p, languages: ['nl'] }));
    // With one language, the days decide: a and c share every day.
    expect(groups(round(sameLanguage))).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });

  it('avoids two people who share no day, even for the most overlap, but pairs them when nobody else is there', () => {
    const monday = person('mon', {
      availability: { days: ['mon'], modes: ['online'] },
      teaches: [{ skill: 'sql', level: 3 }],
      wants: ['excel'],
    });
    const friday = person('fri', {
      availability: { days: ['fri'], modes: ['online'] },
      teaches: [{ skill: 'excel', level: 3 }],
      wants: ['sql'],
    });
    const result = groups(round([monday, friday, person('x'), person('y')]));
    expect(result).toHaveLength(2);
    expect(result).not.toContainEqual(['fri', 'mon']);
    expect(groups(round([monday, friday]))).toEqual([['fri', 'mon']]);
  });

  it('is the same for the same seed, and the seed decides between equally good rounds', () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => person(id));
    expect(round(people, { seed: 3 })).toEqual(round([...people].reverse(), { seed: 3 }));
    const rounds = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) => JSON.stringify(groups(round(people, { seed })))));
    expect(rounds.size).toBeGreaterThan(1);
  });

  it('takes someone listed twice once', () => {
    const result = round([person('a'), person('a'), person('b')]);
    expect(groups(result)).toEqual([['a', 'b']]);
  });
});
