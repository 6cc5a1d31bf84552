import { describe, expect, it } from '@jest/globals';
import { because } from '../support/eventually';
import { explainExpert } from '../../bot/src/cards/experts/expert-cards';
import { buildDemoTeam, DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/src/domain/demo/demo-team';
import type { MemberProfile, SkillLevel } from '../../bot/src/domain/experts/member';
import { TenantExpertIndex } from '../../bot/src/domain/experts/expert-index';
import type { ExpertQuery } from '../../bot/src/domain/experts/expert-index';
import { SKILL_CATALOG } from '../../bot/src/domain/experts/skill-catalog';
import { SEEDED_TAXONOMY } from '../../bot/src/domain/experts/skill-taxonomy';
import { compactKey, distanceWithin, typoBudget } from '../../bot/src/domain/experts/text-fold';
import { parseMySkills, validateProfileEdit } from '../../bot/src/domain/experts/profile-editing';

const NOW = new Date('2026-11-27T12:00:00Z');

function person(userId: string, displayName: string, teaches: [string, SkillLevel][], extra: Partial<MemberProfile> = {}): MemberProfile {
  return {
    tenantId: DEMO_TENANT_ID,
    userId,
    displayName,
    bio: '',
    teaches: teaches.map(([name, level]) => ({ name, level })),
    wants: [],
    languages: [],
    availability: '',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...extra,
  };
}

/** The demo team plus a few people for diacritics, aliases and exact-vs-prefix cases. */
function demoIndex(endorsements: Record<string, Record<string, number>> = {}, taught: Record<string, number> = {}): TenantExpertIndex {
  const index = new TenantExpertIndex(DEMO_TENANT_ID);
  const extra = [
    person('x-jorg', 'Jörg Müller', [['Kubernetes', 3]], { bio: 'Platform engineer in Eindhoven.' }),
    person('x-java', 'Jan de Java', [['Java', 1]]),
    person('x-js', 'Zoë Kramer', [['js', 3]], { bio: 'Frontend, scrum enthusiast.' }),
  ];
  for (const profile of [...buildDemoTeam(NOW).profiles, ...extra]) {
    const counts = new Map(Object.entries(endorsements[profile.userId] ?? {}).map(([skill, n]) => [compactKey(skill), n]));
    index.upsert({ profile, endorsements: counts });
  }
  index.setSessionsTaught(new Map(Object.entries(taught)));
  return index;
}

const id = (name: string) => DEMO_PEOPLE.find((p) => p.name === name)?.userId ?? name;
const names = (index: TenantExpertIndex, text: string, extra: Partial<ExpertQuery> = {}) =>
  index.search({ text, skip: 0, count: 25, ...extra }).hits.map((h) => h.displayName);

describe('ranking: exact > prefix > typo on skills, then names, then bio', () => {
  const index = demoIndex();
  const cases: { query: string; expected: string[]; why: string }[] = [
    { query: 'typescript', expected: ['Megan Bowen', 'Daan Jansen'], why: 'exact skill, level 3 before level 2' },
    { query: 'TypeScript ', expected: ['Megan Bowen', 'Daan Jansen'], why: 'case and spacing' },
    { query: 'typscript', expected: ['Megan Bowen', 'Daan Jansen'], why: 'one typo in a 9-letter word' },
    { query: 'tpyescript', expected: ['Megan Bowen', 'Daan Jansen'], why: 'swapped neighbours count as one typo' },
    {
      query: 'ts',
      expected: ['Megan Bowen', 'Daan Jansen', 'Fatima El Amrani', 'Isaiah Langer'],
      why: 'alias ts → TypeScript, then the prefix of t-sql (SQL)',
    },
    { query: 'js', expected: ['Zoë Kramer'], why: 'alias js → JavaScript (stored as "js", normalised)' },
    { query: 'javascript', expected: ['Zoë Kramer'], why: 'canonical name of an alias-stored skill' },
    { query: 'java', expected: ['Jan de Java', 'Zoë Kramer'], why: 'exact Java (level 1) before the prefix JavaScript (level 3)' },
    { query: 'powerbi', expected: ['Joris van den Berg', 'Sanne de Vries'], why: 'spacing-free alias' },
    { query: 'power-bi', expected: ['Joris van den Berg', 'Sanne de Vries'], why: 'punctuation' },
    { query: 'presenteren', expected: ['Eva Smit'], why: 'Dutch alias → Presenting' },
    { query: 'feedback geven', expected: ['Noor Bakker'], why: 'Dutch multi-word alias → Feedback' },
    { query: 'toegankelijkheid', expected: ['Adele Vance', 'Megan Bowen'], why: 'Dutch alias → Accessibility, level 3 first' },
    { query: 'excel', expected: ['Sanne de Vries', 'Joris van den Berg', 'Patti Fernandez'], why: 'level 3 first; equal level 2 by name' },
    { query: 'exel', expected: ['Sanne de Vries', 'Joris van den Berg', 'Patti Fernandez'], why: 'typo in a 4-letter word' },
    { query: 'sql', expected: ['Daan Jansen', 'Fatima El Amrani', 'Isaiah Langer'], why: 'a tie at level 3 goes by name' },
    { query: 'sq', expected: ['Daan Jansen', 'Fatima El Amrani', 'Isaiah Langer'], why: 'prefix' },
    { query: 'sqk', expected: [], why: 'no typos allowed in 3 letters' },
    { query: 'Fatima El Amrani', expected: ['Fatima El Amrani'], why: 'full name' },
    { query: 'fatma', expected: ['Fatima El Amrani'], why: 'typo in a name' },
    { query: 'jorg', expected: ['Jörg Müller'], why: 'diacritics: ö = o' },
    { query: 'JÖRG MÜLLER', expected: ['Jörg Müller'], why: 'diacritics and case' },
    { query: 'mueller', expected: ['Jörg Müller'], why: 'muller ↔ mueller is one typo' },
    { query: 'kubernets', expected: ['Jörg Müller'], why: 'typo in a skill' },
    { query: 'k8s', expected: ['Jörg Müller'], why: 'alias' },
    { query: 'eindhoven', expected: ['Jörg Müller'], why: 'bio only' },
    { query: 'scrum', expected: ['Lynne Robbins', 'Zoë Kramer'], why: 'skill match before a bio mention' },
    { query: 'azure', expected: ['Isaiah Langer'], why: 'skill; bio mentions of the same person do not duplicate' },
    { query: 'kennis', expected: [], why: 'nobody' },
  ];
  it.each(cases)('"$query": $why', ({ query, expected }) => {
    expect(names(index, query)).toEqual(expected);
  });

  it('orders by endorsements, then sessions taught, when level and match are equal', () => {
    expect(names(demoIndex({ [id('Fatima El Amrani')]: { SQL: 2 } }), 'sql').slice(0, 2)).toEqual(['Fatima El Amrani', 'Daan Jansen']);
    expect(names(demoIndex({}, { [id('Fatima El Amrani')]: 1 }), 'sql').slice(0, 2)).toEqual(['Fatima El Amrani', 'Daan Jansen']);
    // Endorsements weigh more than sessions taught.
    expect(names(demoIndex({ [id('Daan Jansen')]: { SQL: 1 } }, { [id('Fatima El Amrani')]: 5 }), 'sql').slice(0, 2)).toEqual([
      'Daan Jansen',
      'Fatima El Amrani',
    ]);
  });

  it('breaks a full tie by name, then by id, whatever the insertion order', () => {
    const a = new TenantExpertIndex('t');
    const b = new TenantExpertIndex('t');
    const people = [
      { ...person('u-2', 'Sam Smit', [['Excel', 2]]), tenantId: 't' },
      { ...person('u-1', 'Sam Smit', [['Excel', 2]]), tenantId: 't' },
      { ...person('u-3', 'Anna Smit', [['Excel', 2]]), tenantId: 't' },
    ];
    people.forEach((p) => a.upsert({ profile: p, endorsements: new Map() }));
    [...people].reverse().forEach((p) => b.upsert({ profile: p, endorsements: new Map() }));
    const order = (index: TenantExpertIndex) => index.search({ text: 'excel', skip: 0, count: 10 }).hits.map((h) => h.userId);
    expect(order(a)).toEqual(['u-3', 'u-1', 'u-2']);
    expect(order(b)).toEqual(order(a));
  });

  it('pages with skip and count, capped at 25', () => {
    const index = demoIndex();
    expect(names(index, 'excel', { skip: 1, count: 1 })).toEqual(['Joris van den Berg']);
    expect(index.search({ text: '', skip: 0, count: 500 }).hits.length).toBeLessThanOrEqual(25);
  });

  it('filters on level and language', () => {
    const index = demoIndex();
    expect(names(index, 'excel', { minLevel: 3 })).toEqual(['Sanne de Vries']);
    expect(names(index, 'sql', { language: 'Arabisch' })).toEqual(['Fatima El Amrani']);
    expect(names(index, 'excel', { language: 'nl' })).toEqual(['Sanne de Vries', 'Joris van den Berg']);
  });

  it('follows updates and removals', () => {
    const index = demoIndex();
    index.upsert({
      profile: person(id('Pieter Visser'), 'Pieter Visser', [['TypeScript', 3]]),
      endorsements: new Map([['typescript', 1]]),
    });
    expect(names(index, 'typescript')).toEqual(['Pieter Visser', 'Megan Bowen', 'Daan Jansen']);
    index.remove(id('Megan Bowen'));
    expect(names(index, 'typescript')).toEqual(['Pieter Visser', 'Daan Jansen']);
    expect(names(index, 'megan')).toEqual([]);
  });
});

describe('explanations: why each result is there, never a rating', () => {
  const index = demoIndex({ [id('Megan Bowen')]: { TypeScript: 6 } }, { [id('Megan Bowen')]: 4, [id('Daan Jansen')]: 1 });
  const [megan, daan] = index.search({ text: 'typscript', skip: 0, count: 5 }).hits;
  it.each([
    {
      locale: 'en' as const,
      first: 'TypeScript · level 3 · 6 endorsements · 4 sessions taught',
      second: 'TypeScript · level 2 · 1 session taught',
    },
    {
      locale: 'nl' as const,
      first: 'TypeScript · niveau 3 · 6 aanbevelingen · 4 sessies gegeven',
      second: 'TypeScript · niveau 2 · 1 sessie gegeven',
    },
  ])('$locale', ({ locale, first, second }) => {
    expect(megan && explainExpert(megan, locale)).toBe(first);
    expect(daan && explainExpert(daan, locale)).toBe(second);
  });
  it('says when the name or the bio matched', () => {
    const [fatima] = index.search({ text: 'fatima', skip: 0, count: 1 }).hits;
    expect(fatima && explainExpert(fatima, 'en')).toBe('Name matches · SQL · level 3');
    const [jan] = demoIndex().search({ text: 'eindhoven', skip: 0, count: 1 }).hits;
    expect(jan && explainExpert(jan, 'nl')).toBe('Genoemd in de bio · Kubernetes · niveau 3');
  });
});

describe('an empty query suggests people who teach what many want to learn', () => {
  it('puts the teacher of the most wanted skill first and says so', () => {
    const page = demoIndex().search({ text: '   ', skip: 0, count: 3 });
    expect(page.suggestions).toBe(true);
    // Azure is wanted by three colleagues (Megan, Joris, Pieter); Isaiah teaches it at level 3.
    expect(page.hits[0]?.displayName).toBe('Isaiah Langer');
    expect(page.hits[0] && explainExpert(page.hits[0], 'en')).toBe('Azure · level 3 · 3 colleagues want to learn this');
    expect(page.hits.every((h) => h.teaches.length > 0)).toBe(true);
  });
});

describe('bad input: sensible results or none, never a throw', () => {
  const index = demoIndex();
  it.each([
    { label: '10 KB', text: 'typescript '.repeat(1000), max: 25, nothing: false },
    { label: 'OData-looking', text: "' or 1 eq 1", max: 0, nothing: false },
    { label: 'OData-looking', text: "PartitionKey ne ''", max: 0, nothing: false },
    { label: 'emoji', text: '🎓🔥', max: 0, nothing: true },
    { label: 'right-to-left', text: 'مرحبا بالعالم', max: 0, nothing: false },
    { label: 'punctuation only', text: '!!! ??? ...', max: 0, nothing: true },
  ])('$label', ({ text, max, nothing }) => {
    const started = performance.now();
    const page = index.search({ text, skip: 0, count: 25 });
    expect(performance.now() - started).toBeLessThan(200);
    expect(page.hits.length).toBeLessThanOrEqual(max);
    expect(page.suggestions).toBe(false);
    // Words nobody has are not "nothing to search": that page offers to ask the team instead.
    expect(page.nothingToSearch === true).toBe(nothing);
  });
  it('control characters are spaces', () => {
    expect(names(index, '\u0000\u0007typescript\u001b')).toEqual(['Megan Bowen', 'Daan Jansen']);
  });
  it('refuses a profile of another tenant', () => {
    expect(() => index.upsert({ profile: { ...person('u', 'Other', []), tenantId: 'other-tenant' }, endorsements: new Map() })).toThrow();
  });
});

describe('the taxonomy', () => {
  it('normalises every demo skill to itself', () => {
    const skills = new Set(DEMO_PEOPLE.flatMap((p) => [...p.teaches.map(([s]) => s), ...p.wants]));
    for (const skill of skills) expect(SEEDED_TAXONOMY.normalise(skill)?.name).toBe(skill);
  });
  it('has no alias that leads to two skills', () => {
    const owner = new Map<string, string>();
    for (const skill of SKILL_CATALOG) {
      for (const key of [skill.name, ...skill.aliases].map(compactKey)) {
        because(`${key} of ${skill.name}`, () => expect(owner.get(key) ?? skill.name).toBe(skill.name));
        owner.set(key, skill.name);
      }
    }
  });
  it.each([
    ['js', 'JavaScript'],
    ['TS', 'TypeScript'],
    ['presenteren', 'Presenting'],
    ['Feedback geven', 'Feedback'],
    ['power bi', 'Power BI'],
    ['PowerBI', 'Power BI'],
    ['EXCEL', 'Excel'],
    ['c#', 'C#'],
    ['  mendix  ', 'Mendix'],
  ])('%s → %s', (typed, canonical) => {
    expect(SEEDED_TAXONOMY.normalise(typed)?.name).toBe(canonical);
  });
  it('keeps team additions and suggests them', () => {
    const team = SEEDED_TAXONOMY.withAdditions(['Mendix', 'OutSystems']);
    expect(team.normalise('mendix')).toEqual({ name: 'Mendix', key: 'mendix', known: true });
    expect(team.suggest('outsy').map((s) => s.name)).toEqual(['OutSystems']);
  });
  it('suggests by prefix, alias and with typos', () => {
    expect(SEEDED_TAXONOMY.suggest('pow').map((s) => s.name)).toEqual(['Power Automate', 'Power BI']);
    expect(SEEDED_TAXONOMY.suggest('typscr')[0]).toEqual({ name: 'TypeScript', quality: 'typo' });
    expect(SEEDED_TAXONOMY.suggest('presenteren')[0]).toEqual({ name: 'Presenting', quality: 'exact' });
    expect(SEEDED_TAXONOMY.suggest('🎓')).toEqual([]);
  });
  it('uses the typo budget by term length', () => {
    expect([typoBudget('sql'), typoBudget('excel'), typoBudget('typescript')]).toEqual([0, 1, 2]);
    expect(distanceWithin('typscript', 'typescript', 2)).toBe(1);
    expect(distanceWithin('abc', 'xyz', 1)).toBeUndefined();
  });
});

describe('editing a profile', () => {
  it('"my skills" normalises, adds to the skills there (levels kept), and gives new ones level 2', () => {
    const current = [
      { name: 'SQL', level: 3 as const },
      { name: 'Excel', level: 1 as const },
    ];
    const result = parseMySkills('js, Presenteren ; sql en Mendix', current, SEEDED_TAXONOMY);
    expect(result).toEqual({
      ok: true,
      teaches: [
        { name: 'SQL', level: 3 },
        { name: 'Excel', level: 1 },
        { name: 'JavaScript', level: 2 },
        { name: 'Presenting', level: 2 },
        { name: 'Mendix', level: 2 },
      ],
      normalised: [
        { from: 'js', to: 'JavaScript' },
        { from: 'Presenteren', to: 'Presenting' },
        { from: 'sql', to: 'SQL' },
      ],
    });
    expect(parseMySkills(' , ', [], SEEDED_TAXONOMY)).toEqual({ ok: false, reason: 'empty' });
    expect(parseMySkills('🎓, !!', [], SEEDED_TAXONOMY)).toEqual({ ok: false, reason: 'nothingUsable' });
  });
  it('reads a level per skill ("TypeScript 3", "Docker: 1", "SQL (1)"); one digit only, so "Windows 11" is a name', () => {
    const result = parseMySkills('TypeScript 3, Docker: 1, sql (1), Windows 11', [{ name: 'SQL', level: 3 }], SEEDED_TAXONOMY);
    expect(result.ok && result.teaches).toEqual([
      { name: 'SQL', level: 1 },
      { name: 'TypeScript', level: 3 },
      { name: 'Docker', level: 1 },
      { name: 'Windows 11', level: 2 },
    ]);
    expect(parseMySkills('Docker 4', [], SEEDED_TAXONOMY)).toEqual({ ok: false, reason: 'level', skill: 'Docker', level: '4' });
    expect(parseMySkills('Excel: 0', [], SEEDED_TAXONOMY)).toEqual({ ok: false, reason: 'level', skill: 'Excel', level: '0' });
  });
  it('"my skills only" replaces the list, keeping the level of a skill that stays', () => {
    const current = [
      { name: 'SQL', level: 3 as const },
      { name: 'Excel', level: 1 as const },
    ];
    const result = parseMySkills('sql, Docker 3', current, SEEDED_TAXONOMY, 'replace');
    expect(result.ok && result.teaches).toEqual([
      { name: 'SQL', level: 3 },
      { name: 'Docker', level: 3 },
    ]);
  });
  it('refuses an addition that would go over the limit of skills', () => {
    const current = Array.from({ length: 30 }, (_, i) => ({ name: `Skill ${i}x`, level: 2 as const }));
    expect(parseMySkills('Docker', current, SEEDED_TAXONOMY)).toEqual({ ok: false, reason: 'tooMany' });
    expect(parseMySkills('Docker', current, SEEDED_TAXONOMY, 'replace').ok).toBe(true);
  });
  it('names every bad field of a profile edit', () => {
    const result = validateProfileEdit(
      {
        teaches: [
          { name: 'SQL', level: 4 },
          { name: '!!', level: 1 },
        ],
        wants: 'SQL',
        bio: 'x'.repeat(501),
        languages: [],
        availability: 3,
      },
      SEEDED_TAXONOMY,
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      'teaches[0].level must be 1, 2 or 3',
      'teaches[1].name must be a skill name with at least one letter or digit',
      'wants must be a list of texts',
      'bio must be at most 500 characters (got 501)',
      'availability must be a text',
    ]);
  });
});
