import type { MemberProfile, SkillLevel, TeachSkill } from './member';
import type { SkillTaxonomy } from './skill-taxonomy';
import { PROFILE_LIMITS } from './profile-limits';
import { cleanText } from './text-fold';

export { PROFILE_LIMITS } from './profile-limits';

const DEFAULT_NEW_SKILL_LEVEL: SkillLevel = 2;

export interface ProfileEdit {
  readonly teaches: readonly TeachSkill[];
  readonly wants: readonly string[];
  readonly bio: string;
  readonly languages: readonly string[];
  readonly availability: string;
  /** Milestone cards about the person (issue #12); absent leaves the stored choice as it is. */
  readonly celebrateMilestones?: boolean;
  /** Hearing about new learning requests for a skill one teaches (issue #12); absent leaves the stored choice as it is. */
  readonly requestAlerts?: boolean;
}

export interface Renamed {
  readonly from: string;
  readonly to: string;
}

/** One problem in a structured form, so a card can say it in the reader's language next to the field. */
export interface ProfileProblem {
  readonly field: 'body' | 'teaches' | 'wants' | 'bio' | 'languages' | 'availability' | 'celebrateMilestones' | 'requestAlerts';
  readonly index?: number;
  readonly code: 'shape' | 'tooMany' | 'empty' | 'tooLong' | 'level';
  readonly max?: number;
}

type ProfileEditResult =
  | { readonly ok: true; readonly edit: ProfileEdit; readonly normalised: readonly Renamed[] }
  | { readonly ok: false; readonly problems: readonly string[]; readonly details: readonly ProfileProblem[] };

/** Problems as English sentences (the API's answer) and as structured details (the bot's cards). */
class Problems {
  readonly texts: string[] = [];
  readonly details: ProfileProblem[] = [];
  add(text: string, detail: ProfileProblem): void {
    this.texts.push(text);
    this.details.push(detail);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Normalises a list of typed skills: canonical names, duplicates dropped, what was renamed reported. */
function normaliseNames(raw: readonly string[], taxonomy: SkillTaxonomy): { names: string[]; normalised: Renamed[] } {
  const names: string[] = [];
  const normalised: Renamed[] = [];
  const seen = new Set<string>();
  for (const typed of raw) {
    const result = taxonomy.normalise(typed);
    if (!result || seen.has(result.key)) continue;
    seen.add(result.key);
    names.push(result.name);
    const shown = cleanText(typed);
    if (shown !== result.name) normalised.push({ from: shown, to: result.name });
  }
  return { names, normalised };
}

function stringList(value: unknown, field: 'wants' | 'languages', max: number, maxChars: number, problems: Problems): string[] {
  if (!Array.isArray(value)) {
    problems.add(`${field} must be a list of texts`, { field, code: 'shape' });
    return [];
  }
  if (value.length > max) problems.add(`${field} may hold at most ${max} entries (got ${value.length})`, { field, code: 'tooMany', max });
  const out: string[] = [];
  value.forEach((item, i) => {
    if (typeof item !== 'string' || cleanText(item) === '')
      problems.add(`${field}[${i}] must be a non-empty text`, { field, index: i, code: 'empty' });
    else if (item.length > maxChars)
      problems.add(`${field}[${i}] must be at most ${maxChars} characters`, { field, index: i, code: 'tooLong', max: maxChars });
    else out.push(item);
  });
  return out;
}

function text(value: unknown, field: 'bio' | 'availability', maxChars: number, problems: Problems): string {
  if (typeof value !== 'string') {
    problems.add(`${field} must be a text`, { field, code: 'shape' });
    return '';
  }
  const clean = value.replace(/\r\n/g, '\n').trim();
  if (clean.length > maxChars)
    problems.add(`${field} must be at most ${maxChars} characters (got ${clean.length})`, { field, code: 'tooLong', max: maxChars });
  return clean;
}

/** Checks a `PUT /me/profile` body; every bad field is named in one answer. Skills come back normalised. */
export function validateProfileEdit(body: unknown, taxonomy: SkillTaxonomy): ProfileEditResult {
  if (!isRecord(body)) {
    const text = 'the body must be a JSON object with teaches, wants, bio, languages and availability';
    return { ok: false, problems: [text], details: [{ field: 'body', code: 'shape' }] };
  }
  const problems = new Problems();
  const teachesRaw: { name: string; level: SkillLevel }[] = [];
  if (!Array.isArray(body.teaches)) {
    problems.add('teaches must be a list of { name, level }', { field: 'teaches', code: 'shape' });
  } else {
    if (body.teaches.length > PROFILE_LIMITS.skills)
      problems.add(`teaches may hold at most ${PROFILE_LIMITS.skills} skills (got ${body.teaches.length})`, {
        field: 'teaches',
        code: 'tooMany',
        max: PROFILE_LIMITS.skills,
      });
    body.teaches.forEach((item: unknown, i) => {
      if (!isRecord(item)) {
        problems.add(`teaches[${i}] must be { name, level }`, { field: 'teaches', index: i, code: 'shape' });
        return;
      }
      const { name, level } = item;
      let good = true;
      if (typeof name !== 'string' || taxonomy.normalise(name) === undefined) {
        problems.add(`teaches[${i}].name must be a skill name with at least one letter or digit`, {
          field: 'teaches',
          index: i,
          code: 'empty',
        });
        good = false;
      } else if (name.length > PROFILE_LIMITS.skillChars) {
        problems.add(`teaches[${i}].name must be at most ${PROFILE_LIMITS.skillChars} characters`, {
          field: 'teaches',
          index: i,
          code: 'tooLong',
          max: PROFILE_LIMITS.skillChars,
        });
        good = false;
      }
      if (level !== 1 && level !== 2 && level !== 3) {
        problems.add(`teaches[${i}].level must be 1, 2 or 3`, { field: 'teaches', index: i, code: 'level' });
        good = false;
      }
      if (good) teachesRaw.push({ name: name as string, level: level as SkillLevel });
    });
  }
  const wantsRaw = stringList(body.wants, 'wants', PROFILE_LIMITS.skills, PROFILE_LIMITS.skillChars, problems);
  const bio = text(body.bio, 'bio', PROFILE_LIMITS.bioChars, problems);
  const languagesRaw = stringList(body.languages, 'languages', PROFILE_LIMITS.languages, PROFILE_LIMITS.languageChars, problems);
  const availability = text(body.availability, 'availability', PROFILE_LIMITS.availabilityChars, problems);
  const { celebrateMilestones, requestAlerts } = body;
  if (celebrateMilestones !== undefined && typeof celebrateMilestones !== 'boolean')
    problems.add('celebrateMilestones must be true or false', { field: 'celebrateMilestones', code: 'shape' });
  if (requestAlerts !== undefined && typeof requestAlerts !== 'boolean')
    problems.add('requestAlerts must be true or false', { field: 'requestAlerts', code: 'shape' });
  if (problems.texts.length > 0) return { ok: false, problems: problems.texts, details: problems.details };

  const taught = normaliseNames(
    teachesRaw.map((s) => s.name),
    taxonomy,
  );
  const levelOf = new Map<string, SkillLevel>();
  for (const s of teachesRaw) {
    const key = taxonomy.normalise(s.name)?.name;
    if (key && !levelOf.has(key)) levelOf.set(key, s.level);
  }
  const wanted = normaliseNames(wantsRaw, taxonomy);
  const languages = [...new Set(languagesRaw.map(cleanText))];
  return {
    ok: true,
    edit: {
      teaches: taught.names.map((name) => ({ name, level: levelOf.get(name) ?? DEFAULT_NEW_SKILL_LEVEL })),
      wants: wanted.names,
      bio,
      languages,
      availability: cleanText(availability),
      ...(typeof celebrateMilestones === 'boolean' ? { celebrateMilestones } : {}),
      ...(typeof requestAlerts === 'boolean' ? { requestAlerts } : {}),
    },
    normalised: [...taught.normalised, ...wanted.normalised],
  };
}

type MySkillsResult =
  | {
      readonly ok: true;
      readonly teaches: readonly TeachSkill[];
      readonly normalised: readonly Renamed[];
    }
  | { readonly ok: false; readonly reason: 'empty' | 'tooMany' | 'nothingUsable' }
  | { readonly ok: false; readonly reason: 'level'; readonly skill: string; readonly level: string };

/** "add" keeps what the person already teaches; "replace" ("my skills only: …") makes the list the whole of it. */
export type MySkillsMode = 'add' | 'replace';

interface TypedSkill {
  readonly name: string;
  readonly level?: SkillLevel;
}

/**
 * One typed entry: "TypeScript", "TypeScript 3", "Docker: 1". Only one trailing digit is read as a
 * level, so "Windows 11" stays a skill name; a digit outside 1–3 is a mistake the person should hear about.
 */
export function typedSkill(part: string): TypedSkill | { readonly badLevel: string; readonly name: string } {
  const match = /^(.*?\S)\s*(?::\s*|\s)(\d)$/.exec(part) ?? /^(.*?\S)\s*\((\d)\)$/.exec(part);
  if (!match) return { name: part };
  const name = (match[1] ?? '').replace(/:$/, '').trim();
  const digit = Number(match[2]);
  if (digit === 1 || digit === 2 || digit === 3) return { name, level: digit };
  return { badLevel: match[2] ?? '', name };
}

/** The typed entries of a "my skills" argument. Separators: commas, semicolons, new lines, " and " / " en ". */
export function splitMySkills(argument: string): string[] {
  return argument
    .split(/[,;\n]|\s+(?:and|en|&)\s+/i)
    .map(cleanText)
    .filter((p) => p !== '');
}

/**
 * "my skills: js, Presenteren 3, SQL": adds to what the person can teach (existing skills and their
 * levels stay; a level said for a skill sets it; a new skill without a level starts at 2).
 * "my skills only: …" replaces the list instead. Separators: commas, semicolons, new lines, " and " / " en ".
 */
export function parseMySkills(
  argument: string,
  current: readonly TeachSkill[],
  taxonomy: SkillTaxonomy,
  mode: MySkillsMode = 'add',
): MySkillsResult {
  const parts = splitMySkills(argument);
  if (parts.length === 0) return { ok: false, reason: 'empty' };
  if (parts.length > PROFILE_LIMITS.skills) return { ok: false, reason: 'tooMany' };
  const typed: TypedSkill[] = [];
  for (const part of parts) {
    const entry = typedSkill(part);
    if ('badLevel' in entry) return { ok: false, reason: 'level', skill: entry.name.slice(0, 40), level: entry.badLevel };
    typed.push({ ...entry, name: entry.name.slice(0, PROFILE_LIMITS.skillChars) });
  }
  const { names, normalised } = normaliseNames(
    typed.map((p) => p.name),
    taxonomy,
  );
  if (names.length === 0) return { ok: false, reason: 'nothingUsable' };
  const said = new Map<string, SkillLevel>();
  for (const p of typed) {
    const name = taxonomy.normalise(p.name)?.name;
    if (name && p.level !== undefined && !said.has(name)) said.set(name, p.level);
  }
  // Existing skills are matched by their canonical name but kept as stored.
  const existing = new Map<string, TeachSkill>();
  for (const s of current) {
    const name = taxonomy.normalise(s.name)?.name ?? s.name;
    if (!existing.has(name)) existing.set(name, s);
  }
  const levelOf = (name: string) => said.get(name) ?? existing.get(name)?.level ?? DEFAULT_NEW_SKILL_LEVEL;
  const teaches: TeachSkill[] =
    mode === 'add'
      ? [
          ...[...existing].map(([name, s]) => ({ name: s.name, level: levelOf(name) })),
          ...names.filter((n) => !existing.has(n)).map((name) => ({ name, level: levelOf(name) })),
        ]
      : names.map((name) => ({ name, level: levelOf(name) }));
  if (teaches.length > PROFILE_LIMITS.skills) return { ok: false, reason: 'tooMany' };
  return { ok: true, teaches, normalised };
}

export function applyProfileEdit(profile: MemberProfile, edit: ProfileEdit, now: Date): MemberProfile {
  return { ...profile, ...edit, updatedAt: now.toISOString() };
}
