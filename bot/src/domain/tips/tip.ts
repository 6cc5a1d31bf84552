import { SEEDED_TAXONOMY } from '../experts/skill-taxonomy';
import type { SkillTaxonomy } from '../experts/skill-taxonomy';
import { cleanText } from '../experts/text-fold';
import { TIP_BODY_MAX, TIP_LINK_MAX, TIP_SKILL_MAX, TIP_SKILLS_MAX, TIP_TITLE_MAX } from './tip-limits';
import type { TipField, TipProblemCode } from './tip-limits';

/** A short tip or a link to training material, shared in a team (DESIGN F9). */
export interface Tip {
  readonly tenantId: string;
  readonly teamId: string;
  readonly tipId: string;
  readonly authorUserId: string;
  readonly title: string;
  /** May be empty: a link with a good title is a tip too. */
  readonly body: string;
  /** http(s) only. */
  readonly link?: string;
  /** Canonical skill names (the skills normaliser's), at most TIP_SKILLS_MAX. */
  readonly skills: readonly string[];
  readonly createdAt: string;
}

export { TIP_BODY_MAX, TIP_LINK_MAX, TIP_PROBLEMS, TIP_SKILL_MAX, TIP_SKILLS_MAX, TIP_TITLE_MAX } from './tip-limits';
export type { TipField, TipProblemCode } from './tip-limits';

export interface TipProblem {
  readonly field: TipField;
  readonly code: TipProblemCode;
}

/** What a person may set on a tip; ids, author and time are the app's. */
type TipDraft = Pick<Tip, 'title' | 'body' | 'link' | 'skills'>;

type TipValidation = { readonly ok: true; readonly draft: TipDraft } | { readonly ok: false; readonly problems: readonly TipProblem[] };

/**
 * Links people can open from a card or the tab: http and https only (no `javascript:`, `file:`…).
 * Session links are https-only (they are meeting links); training material still lives on plain
 * http intranet pages, so tips allow both.
 */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Card inputs send skills as "a, b"; the API sends an array. Undefined: not a list at all. */
function skillList(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string')
    return v
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return (v as string[]).map((s) => s.trim()).filter((s) => s !== '');
  return undefined;
}

/**
 * Reads a tip from any surface (task module form, API body) and names every problem at once.
 * Skills come back in their canonical spelling ("js" → JavaScript), duplicates merged.
 */
export function validateTipInput(raw: unknown, taxonomy: SkillTaxonomy = SEEDED_TAXONOMY): TipValidation {
  const input: Record<string, unknown> =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const problems: TipProblem[] = [];
  const problem = (field: TipField, code: TipProblemCode) => problems.push({ field, code });

  const title = cleanText(str(input.title));
  if (title === '') problem('title', 'titleRequired');
  else if (title.length > TIP_TITLE_MAX) problem('title', 'titleTooLong');

  // The body keeps its line breaks; only the ends are trimmed.
  const body = str(input.body).replace(/\r\n/g, '\n').trim();
  if (body.length > TIP_BODY_MAX) problem('body', 'bodyTooLong');

  const link = str(input.link).trim();
  if (link !== '' && (link.length > TIP_LINK_MAX || !isWebLink(link))) problem('link', 'linkInvalid');

  const typed = skillList(input.skills);
  const skills: string[] = [];
  if (typed === undefined) problem('skills', 'skillInvalid');
  else {
    let invalid = false;
    for (const name of typed) {
      const normalised = name.length <= TIP_SKILL_MAX ? taxonomy.normalise(name) : undefined;
      if (!normalised) invalid = true;
      else if (!skills.some((s) => taxonomy.normalise(s)?.key === normalised.key)) skills.push(normalised.name);
    }
    if (invalid) problem('skills', 'skillInvalid');
    if (skills.length > TIP_SKILLS_MAX) problem('skills', 'skillsTooMany');
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, draft: { title, body, ...(link ? { link } : {}), skills } };
}

/** The form's values as they were typed, for showing the form again after a refused save. */
export function tipFormValues(raw: unknown): Readonly<Record<TipField, string>> {
  const input: Record<string, unknown> =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const skills = Array.isArray(input.skills)
    ? input.skills.filter((s): s is string => typeof s === 'string').join(', ')
    : str(input.skills);
  return { title: str(input.title), body: str(input.body), link: str(input.link), skills };
}
