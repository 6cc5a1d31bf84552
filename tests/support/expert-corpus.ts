// A deterministic organisation for expert search: Dutch/English names with diacritics, Zipf-like
// skill popularity, bios, aliases and typo'd queries. Shared by the search benchmark and the ranking
// test (its fixture was captured from this corpus: change nothing here without re-capturing it).
import type { Endorsement } from '../../bot/src/domain/experts/expert-ports';
import type { MemberProfile, SkillLevel } from '../../bot/src/domain/experts/member';
import { SKILL_CATALOG } from '../../bot/src/domain/experts/skill-catalog';
import { fold } from '../../bot/src/domain/experts/text-fold';

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}
export const FIRST = [
  'Anna',
  'Bram',
  'Daan',
  'Eva',
  'Fatima',
  'Jörg',
  'Noor',
  'Sanne',
  'Lucas',
  'Emma',
  'Mohammed',
  'Sophie',
  'Thomas',
  'Julia',
  'Lars',
  'Femke',
  'Ahmed',
  'Lisa',
  'Ruben',
  'Mila',
  'Sem',
  'Zoë',
  'Finn',
  'Yara',
  'Jesse',
  'Lotte',
  'Milan',
  'Saar',
  'Thijs',
  'Anouk',
  'Megan',
  'Alex',
  'Adele',
  'Isaiah',
  'Patti',
  'Lynne',
  'Pieter',
  'Joris',
  'Sven',
  'Chloé',
  'Hüseyin',
  'Ayşe',
  'Łukasz',
  'Björn',
  'Inès',
  'José',
  'Renée',
  'Søren',
  'Ángel',
  'Dirk',
  'Kees',
  'Marieke',
  'Wouter',
  'Ilse',
  'Gijs',
  'Roos',
  'Hugo',
  'Isa',
  'Bas',
  'Nina',
  'Priya',
  'Wei',
  'Olga',
  'Kofi',
  'Amara',
  'Mateo',
  'Elif',
  'Youssef',
  'Hanna',
  'Rik',
];
export const LAST = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'van der Linden',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van den Berg',
  'van Dijk',
  'El Amrani',
  'Yilmaz',
  'Kaya',
  'Öztürk',
  'Müller',
  'Schmidt',
  'Nowak',
  'García',
  'Dubois',
  'Wilber',
  'Bowen',
  'Vance',
  'Langer',
  'Fernandez',
  'Robbins',
  'Chen',
  'Patel',
  'Okafor',
  'Rossi',
  'Novak',
  'Lindqvist',
  'Kowalski',
  'Haddad',
  'Bouzid',
  'Verbruggen',
  'Claes',
  'Maes',
  'Willems',
  'Janssens',
  'Wouters',
  'Goossens',
  'Pauwels',
];
const TEAM_SKILLS = [
  'Mendix',
  'SAP',
  'Salesforce',
  'Tableau',
  'Jira',
  'Confluence',
  'Photoshop',
  'Terraform',
  'Ansible',
  'Spark',
  'Snowflake',
  'dbt',
  'GraphQL',
  'Flutter',
  'Unity',
  'Blender',
  'LaTeX',
  'R',
  'MATLAB',
  'Bookkeeping',
  'Recruitment',
  'Interviewing',
  'First aid',
  'Sign language',
  'Copywriting',
  'Podcasting',
  'Video editing',
  'Excel macros',
  'Change management',
  'OKRs',
];
const SKILLS = [...SKILL_CATALOG.map((s) => s.name), ...TEAM_SKILLS];
const WEIGHTS = SKILLS.map((_, i) => 1 / Math.pow(i + 1, 0.8));
const TOTAL_WEIGHT = WEIGHTS.reduce((a, b) => a + b, 0);
export const CITIES = ['Utrecht', 'Amsterdam', 'Rotterdam', 'Eindhoven', 'Gent', 'Antwerpen', 'Den Haag', 'Groningen', 'Zwolle', 'Leuven'];
const ROLES = [
  'developer',
  'analist',
  'consultant',
  'designer',
  'adviseur',
  'engineer',
  'product owner',
  'teamlead',
  'trainer',
  'onderzoeker',
];
const LANGS = ['Nederlands', 'English', 'Deutsch', 'Français', 'Arabic', 'Türkçe', 'Polski'];

function pickSkill(next: () => number): string {
  let roll = next() * TOTAL_WEIGHT;
  for (let i = 0; i < SKILLS.length; i += 1) {
    roll -= WEIGHTS[i] ?? 0;
    if (roll <= 0) return SKILLS[i] ?? 'Excel';
  }
  return SKILLS[0] ?? 'Excel';
}
export const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)] as T;
export const userIdOf = (i: number) => `bench-user-${String(i).padStart(6, '0')}`;

export function profileOf(i: number, at: string, tenantId: string): MemberProfile {
  const next = random(i * 7919 + 17);
  const teaches = new Map<string, SkillLevel>();
  const count = 3 + Math.floor(next() * 5); // 3–7, about 5
  while (teaches.size < count) teaches.set(pickSkill(next), (1 + Math.floor(next() * 3)) as SkillLevel);
  const skills = [...teaches.keys()];
  const name = `${pick(FIRST, next)} ${pick(LAST, next)}`;
  return {
    tenantId,
    userId: userIdOf(i),
    displayName: name,
    email: `${fold(name).replace(/ /g, '.')}.${i}@bench.example`,
    bio: `${pick(ROLES, next)} in ${pick(CITIES, next)}; werkt graag met ${skills[0] ?? ''} en ${skills[1] ?? ''}.`,
    teaches: skills.map((s) => ({ name: s, level: teaches.get(s) ?? 2 })),
    wants: [pickSkill(next), pickSkill(next)].filter((w) => !teaches.has(w)),
    languages: [pick(LANGS, next), 'English'],
    availability: next() < 0.5 ? 'Dinsdagmiddag' : 'Friday mornings',
    createdAt: at,
    updatedAt: at,
  };
}

const ALIASES = [
  'js',
  'ts',
  'powerbi',
  'presenteren',
  'feedback geven',
  'k8s',
  'toegankelijkheid',
  'c#',
  'golang',
  'projectmanagement',
  'klantgesprekken',
  'a11y',
];
function typo(word: string, next: () => number): string {
  const i = 1 + Math.floor(next() * (word.length - 2));
  const kind = next();
  if (kind < 0.34) return word.slice(0, i) + word.slice(i + 1); // deletion
  if (kind < 0.67) return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2); // swap
  return word.slice(0, i) + 'e' + word.slice(i + 1); // substitution
}
export function queries(n: number): string[] {
  const next = random(4242);
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const roll = next();
    const skill = pickSkill(next);
    if (roll < 0.35) out.push(next() < 0.5 ? skill.toLowerCase() : skill);
    else if (roll < 0.6) out.push(skill.length >= 5 ? typo(skill.toLowerCase(), next) : skill);
    else if (roll < 0.7) out.push(pick(ALIASES, next));
    else if (roll < 0.8) out.push(skill.slice(0, Math.max(2, Math.ceil(skill.length / 2))).toLowerCase());
    else if (roll < 0.9) out.push(next() < 0.5 ? pick(FIRST, next) : `${pick(FIRST, next)} ${pick(LAST, next)}`);
    else if (roll < 0.95) out.push(pick(CITIES, next));
    else out.push('');
  }
  return out;
}

/** One endorsement per five people, of a skill the endorsed person teaches, by someone else. */
export function endorsementsOf(profiles: number, at: string, tenantId: string): Endorsement[] {
  const endorse = random(99);
  return Array.from({ length: Math.floor(profiles / 5) }, (_, k) => {
    const userIndex = Math.floor(endorse() * profiles);
    const p = profileOf(userIndex, at, tenantId);
    return {
      tenantId,
      userId: p.userId,
      skill: pick(p.teaches, endorse).name,
      endorserId: userIdOf((userIndex + 1 + k) % profiles),
      endorsedAt: at,
    };
  });
}
