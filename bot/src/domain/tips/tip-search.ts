import { SEEDED_TAXONOMY } from '../experts/skill-taxonomy';
import type { SkillTaxonomy } from '../experts/skill-taxonomy';
import { fold, terms } from '../experts/text-fold';
import type { Tip } from './tip';

export const TIP_PAGE_DEFAULT = 20;
export const TIP_PAGE_MAX = 50;

export interface TipSearch {
  /** Free text: every word must occur in the title, body or a skill (case and accents ignored). */
  readonly text?: string;
  /** One skill, in any spelling the normaliser knows ("js", "JavaScript"). */
  readonly skill?: string;
}

/**
 * The predicate for a search. A query that is itself a skill ("js") also finds tips tagged with
 * that skill's canonical name (JavaScript), even when the word never occurs in the text.
 */
export function tipMatcher(search: TipSearch, taxonomy: SkillTaxonomy = SEEDED_TAXONOMY): (tip: Tip) => boolean {
  const words = terms(search.text ?? '');
  const textSkill = search.text ? taxonomy.normalise(search.text) : undefined;
  const skillKey = search.skill?.trim() ? (taxonomy.normalise(search.skill)?.key ?? '\u0000') : undefined;
  const keyOf = (name: string) => taxonomy.normalise(name)?.key;
  return (tip) => {
    const keys = tip.skills.map(keyOf);
    if (skillKey !== undefined && !keys.includes(skillKey)) return false;
    if (words.length === 0) return true;
    if (textSkill && keys.includes(textSkill.key)) return true;
    const haystack = ` ${fold([tip.title, tip.body, ...tip.skills].join(' '))} `;
    return words.every((word) => haystack.includes(word));
  };
}

/** Reads a `limit` query value: undefined → the default; anything else must be 1…TIP_PAGE_MAX. */
export function tipPageSize(value: unknown): number | undefined {
  if (value === undefined || value === '') return TIP_PAGE_DEFAULT;
  const n = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : typeof value === 'number' ? value : NaN;
  return Number.isInteger(n) && n >= 1 && n <= TIP_PAGE_MAX ? n : undefined;
}
