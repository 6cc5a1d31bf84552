// Same results as before the index was made lean (issue #16): the rankings of a fixed 3,000-person
// corpus were captured from the index as it was (commit "Expert rankings fixture") into
// tests/unit/fixtures/expert-rankings.json, and every later index must give the same pages.
// Re-capture only on purpose: CAPTURE_EXPERT_RANKINGS=1 npm run jest -- --selectProjects unit --testPathPatterns
// expert-ranking-fixture, then `npx prettier --write` the fixture.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { TenantExpertIndex } from '../../bot/src/domain/experts/expert-index';
import type { ExpertHit, ExpertPage, ExpertQuery } from '../../bot/src/domain/experts/expert-index';
import { skillKeyOf } from '../../bot/src/domain/experts/expert-index';
import type { MemberProfile, SkillLevel } from '../../bot/src/domain/experts/member';
import { CITIES, endorsementsOf, FIRST, LAST, pick, profileOf, queries, random, userIdOf } from '../support/expert-corpus';

const FIXTURE = 'tests/unit/fixtures/expert-rankings.json';
const TENANT = 'ranking-tenant';
const PEOPLE = 3_000;
const AT = '2026-01-01T00:00:00.000Z';

type Captured = Record<string, string[]>;

const line = (h: ExpertHit): string =>
  [
    h.userId,
    h.match,
    h.quality ?? '',
    h.skill ? `${h.skill.name}:${h.skill.level}:${h.skill.endorsements}` : '',
    h.sessionsTaught,
    h.wantedBy ?? '',
  ].join('|');
const full = (h: ExpertHit | undefined): string => JSON.stringify(h ?? null);
const pageLines = (page: ExpertPage): string[] => [
  `suggestions=${page.suggestions} asker=${page.askerMatched ?? false}`,
  ...page.hits.map(line),
];

function endorsementCounts(): Map<string, Map<string, number>> {
  const byPerson = new Map<string, Map<string, number>>();
  for (const e of endorsementsOf(PEOPLE, AT, TENANT)) {
    const counts = byPerson.get(e.userId) ?? new Map<string, number>();
    counts.set(skillKeyOf(e.skill), (counts.get(skillKeyOf(e.skill)) ?? 0) + 1);
    byPerson.set(e.userId, counts);
  }
  return byPerson;
}

function taught(seed: number): Map<string, number> {
  const next = random(seed);
  const counts = new Map<string, number>();
  for (let i = 0; i < PEOPLE; i += 1) if (next() < 0.2) counts.set(userIdOf(i), 1 + Math.floor(next() * 6));
  return counts;
}

/** Edits after the first load: skills changed, people gone, a roster-only profile, new people. */
function edited(i: number): MemberProfile | undefined {
  const base = profileOf(i, AT, TENANT);
  if (i % 3 === 0) return undefined;
  if (i % 3 === 1)
    return { ...base, teaches: [...base.teaches.slice(1), { name: 'Mendix', level: 3 as SkillLevel }], bio: 'nieuw in Zwolle' };
  return { ...base, teaches: [] };
}

function queryList(): ExpertQuery[] {
  const next = random(777);
  const texts = [
    ...queries(360),
    ...Array.from({ length: 30 }, () => `${pick(FIRST, next)} ${pick(LAST, next)}`),
    ...Array.from({ length: 10 }, () => `${pick(CITIES, next)} ${pick(['developer', 'trainer', 'adviseur'], next)}`),
    'feedback geven',
    'power bi',
    'jorg',
    'zoe',
    'c++',
    'xyzzy',
    '🙂',
  ];
  const list: ExpertQuery[] = texts.map((text) => ({ text, skip: 0, count: 10 }));
  for (const [n, text] of ['excel', 'typescript', 'pyton', 'an', '', 'de vries'].entries()) {
    list.push({ text, skip: 10, count: 25 });
    list.push({ text, skip: 0, count: 10, minLevel: ((n % 3) + 1) as SkillLevel });
    list.push({ text, skip: 0, count: 10, language: n % 2 === 0 ? 'nl' : 'Deutsch' });
    list.push({ text, skip: 0, count: 5, excludeUserId: userIdOf(n * 7) });
  }
  return list;
}

function capture(): Captured {
  const index = new TenantExpertIndex(TENANT);
  const counts = endorsementCounts();
  for (let i = 0; i < PEOPLE; i += 1) {
    const profile = profileOf(i, AT, TENANT);
    index.upsert({ profile, endorsements: counts.get(profile.userId) ?? new Map() });
  }
  index.setSessionsTaught(taught(5));
  index.prepare();
  const out: Captured = {};
  const list = queryList();
  list.forEach((q, n) => {
    out[`loaded #${n} ${JSON.stringify(q)}`] = pageLines(index.search(q));
  });
  for (let i = 0; i < 40; i += 1)
    out[`expert ${userIdOf(i * 61)}`] = [full(index.expert(userIdOf(i * 61), i % 2 === 0 ? 'Excel' : undefined))];

  // Then the incremental paths: 300 edits, 20 new people, recounted sessions, and the same queries again.
  for (let i = 0; i < 300; i += 1) {
    const profile = edited(i * 10);
    if (profile) index.upsert({ profile, endorsements: counts.get(profile.userId) ?? new Map() });
    else index.remove(userIdOf(i * 10));
  }
  for (let i = PEOPLE; i < PEOPLE + 20; i += 1) index.upsert({ profile: profileOf(i, AT, TENANT), endorsements: new Map() });
  index.setSessionsTaught(taught(6));
  list.forEach((q, n) => {
    if (n % 3 === 0) out[`edited #${n} ${JSON.stringify(q)}`] = pageLines(index.search(q));
  });
  out['taxonomy additions'] = index
    .taxonomy()
    .all()
    .filter((s) => !s.seeded)
    .map((s) => s.name)
    .sort();
  return out;
}

describe('expert index: the same rankings as the index they were captured from', () => {
  it('answers every query of the fixed corpus as captured (pages, tiers, skills, counts, suggestions)', () => {
    const now = capture();
    if (process.env.CAPTURE_EXPERT_RANKINGS === '1' || !existsSync(FIXTURE)) {
      if (process.env.CAPTURE_EXPERT_RANKINGS !== '1') throw new Error(`${FIXTURE} is missing; capture it on purpose`);
      writeFileSync(FIXTURE, `${JSON.stringify(now, null, 0).replace(/\],"/g, '],\n"')}\n`);
    }
    const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Captured;
    expect(Object.keys(now)).toEqual(Object.keys(expected));
    for (const key of Object.keys(expected)) expect({ key, lines: now[key] }).toEqual({ key, lines: expected[key] });
    // The fixture is not trivially empty: most queries found people.
    expect(Object.values(expected).filter((lines) => lines.length > 1).length).toBeGreaterThan(300);
  });
});
