import type { MemberProfile, SkillLevel, TeachSkill } from '../member';
import type { SkillTaxonomy } from './skill-taxonomy';
import { cleanText } from './text-fold';

export const PROFILE_LIMITS = {
  skills: 30,
  skillChars: 60,
  bioChars: 500,
  languages: 10,
  languageChars: 40,
  availabilityChars: 200,
} as const;

export const DEFAULT_NEW_SKILL_LEVEL: SkillLevel = 2;

export interface ProfileEdit {
  readonly teaches: readonly TeachSkill[];
  readonly wants: readonly string[];
  readonly bio: string;
  readonly languages: readonly string[];
  readonly availability: string;
}

export interface Renamed {
  readonly from: string;
  readonly to: string;
}

export type ProfileEditResult =
  | { readonly ok: true; readonly edit: ProfileEdit; readonly normalised: readonly Renamed[] }
  | { readonly ok: false; readonly problems: readonly string[] };

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

function stringList(value: unknown, field: string, max: number, maxChars: number, problems: string[]): string[] {
  if (!Array.isArray(value)) {
    problems.push(`${field} must be a list of texts`);
    return [];
  }
  if (value.length > max) problems.push(`${field} may hold at most ${max} entries (got ${value.length})`);
  const out: string[] = [];
  value.forEach((item, i) => {
    if (typeof item !== 'string' || cleanText(item) === '') problems.push(`${field}[${i}] must be a non-empty text`);
    else if (item.length > maxChars) problems.push(`${field}[${i}] must be at most ${maxChars} characters`);
    else out.push(item);
  });
  return out;
}

function text(value: unknown, field: string, maxChars: number, problems: string[]): string {
  if (typeof value !== 'string') {
    problems.push(`${field} must be a text`);
    return '';
  }
  const clean = value.replace(/\r\n/g, '\n').trim();
  if (clean.length > maxChars) problems.push(`${field} must be at most ${maxChars} characters (got ${clean.length})`);
  return clean;
}

/** Checks a `PUT /me/profile` body; every bad field is named in one answer. Skills come back normalised. */
export function validateProfileEdit(body: unknown, taxonomy: SkillTaxonomy): ProfileEditResult {
  if (!isRecord(body)) return { ok: false, problems: ['the body must be a JSON object with teaches, wants, bio, languages and availability'] };
  const problems: string[] = [];
  const teachesRaw: { name: string; level: SkillLevel }[] = [];
  if (!Array.isArray(body.teaches)) {
    problems.push('teaches must be a list of { name, level }');
  } else {
    if (body.teaches.length > PROFILE_LIMITS.skills) problems.push(`teaches may hold at most ${PROFILE_LIMITS.skills} skills (got ${body.teaches.length})`);
    body.teaches.forEach((item: unknown, i) => {
      if (!isRecord(item)) {
        problems.push(`teaches[${i}] must be { name, level }`);
        return;
      }
      const { name, level } = item;
      let good = true;
      if (typeof name !== 'string' || taxonomy.normalise(name) === undefined) {
        problems.push(`teaches[${i}].name must be a skill name with at least one letter or digit`);
        good = false;
      } else if (name.length > PROFILE_LIMITS.skillChars) {
        problems.push(`teaches[${i}].name must be at most ${PROFILE_LIMITS.skillChars} characters`);
        good = false;
      }
      if (level !== 1 && level !== 2 && level !== 3) {
        problems.push(`teaches[${i}].level must be 1, 2 or 3`);
        good = false;
      }
      if (good) teachesRaw.push({ name: name as string, level: level as SkillLevel });
    });
  }
  const wantsRaw = stringList(body.wants, 'wants', PROFILE_LIMITS.skills, PROFILE_LIMITS.skillChars, problems);
  const bio = text(body.bio, 'bio', PROFILE_LIMITS.bioChars, problems);
  const languagesRaw = stringList(body.languages, 'languages', PROFILE_LIMITS.languages, PROFILE_LIMITS.languageChars, problems);
  const availability = text(body.availability, 'availability', PROFILE_LIMITS.availabilityChars, problems);
  if (problems.length > 0) return { ok: false, problems };

  const taught = normaliseNames(teachesRaw.map((s) => s.name), taxonomy);
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
    },
    normalised: [...taught.normalised, ...wanted.normalised],
  };
}

export type MySkillsResult =
  | { readonly ok: true; readonly teaches: readonly TeachSkill[]; readonly normalised: readonly Renamed[] }
  | { readonly ok: false; readonly reason: 'empty' | 'tooMany' | 'nothingUsable' };

/**
 * "my skills: js, Presenteren, SQL": the list becomes what the person can teach. Existing levels
 * stay; new skills start at level 2. Separators: commas, semicolons, new lines, " and " / " en ".
 */
export function parseMySkills(argument: string, current: readonly TeachSkill[], taxonomy: SkillTaxonomy): MySkillsResult {
  const parts = argument
    .split(/[,;\n]|\s+(?:and|en|&)\s+/i)
    .map(cleanText)
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, reason: 'empty' };
  if (parts.length > PROFILE_LIMITS.skills) return { ok: false, reason: 'tooMany' };
  const { names, normalised } = normaliseNames(
    parts.map((p) => p.slice(0, PROFILE_LIMITS.skillChars)),
    taxonomy,
  );
  if (names.length === 0) return { ok: false, reason: 'nothingUsable' };
  const levels = new Map<string, SkillLevel>();
  for (const s of current) {
    const name = taxonomy.normalise(s.name)?.name;
    if (name && !levels.has(name)) levels.set(name, s.level);
  }
  return { ok: true, teaches: names.map((name) => ({ name, level: levels.get(name) ?? DEFAULT_NEW_SKILL_LEVEL })), normalised };
}

export function applyProfileEdit(profile: MemberProfile, edit: ProfileEdit, now: Date): MemberProfile {
  return { ...profile, ...edit, updatedAt: now.toISOString() };
}
