import { SKILL_CATALOG } from './skill-catalog';
import type { CatalogSkill } from './skill-catalog';
import { cleanText, compactKey, distanceWithin, fold, typoBudget } from './text-fold';

export type MatchQuality = 'exact' | 'prefix' | 'typo';

/** One skill of the taxonomy: its canonical name and every key that leads to it. */
export interface TaxonomySkill {
  readonly name: string;
  /** The compact key of the canonical name: the skill's identity. */
  readonly key: string;
  /** Compact keys of the name and of every alias. */
  readonly keys: readonly string[];
  /** The folded words of the canonical name, for word-prefix matches ("bi" → Power BI). */
  readonly words: readonly string[];
  readonly seeded: boolean;
}

interface NormalisedSkill {
  readonly name: string;
  readonly key: string;
  /** True when the taxonomy knew it (seeded or added by the team); false for a new team addition. */
  readonly known: boolean;
}

/**
 * What a typed skill is to the taxonomy: a skill it knows (in any spelling or alias), or one it does
 * not, with the close names it does know ("Typscript" → TypeScript) so a person can say which they meant.
 */
type SkillResolution =
  | { readonly known: true; readonly name: string; readonly key: string }
  | { readonly known: false; readonly name: string; readonly key: string; readonly suggestions: readonly string[] };

interface SkillSuggestion {
  readonly name: string;
  readonly quality: MatchQuality;
}

const MAX_SKILL_CHARS = 60;
const QUALITY_ORDER: Record<MatchQuality, number> = { exact: 0, prefix: 1, typo: 2 };

function entry(skill: CatalogSkill, seeded: boolean): TaxonomySkill {
  const all = [skill.name, ...skill.aliases];
  const keys = [...new Set(all.map(compactKey).filter((k) => k !== ''))];
  // Word prefixes only on the canonical name: "bi" finds Power BI, but "js" does not find React via "react.js".
  const words = [
    ...new Set(
      fold(skill.name)
        .split(' ')
        .filter((w) => w !== ''),
    ),
  ];
  return { name: skill.name, key: compactKey(skill.name), keys, words, seeded };
}

/** The name a new team skill keeps: as typed, tidied, with a capital first letter when typed all lower case. */
function tidyNewName(raw: string): string {
  const clean = cleanText(raw).slice(0, MAX_SKILL_CHARS).trim();
  return clean === clean.toLowerCase() ? clean.charAt(0).toUpperCase() + clean.slice(1) : clean;
}

/** How well `query` (a compact key) matches a skill: exact > prefix > typo, or undefined. */
export function matchSkill(skill: TaxonomySkill, query: string): MatchQuality | undefined {
  if (query === '') return undefined;
  if (skill.keys.includes(query)) return 'exact';
  if (query.length >= 2 && (skill.keys.some((k) => k.startsWith(query)) || skill.words.some((w) => w.startsWith(query)))) {
    return 'prefix';
  }
  const budget = typoBudget(query);
  if (budget === 0) return undefined;
  for (const key of skill.keys) {
    if (distanceWithin(query, key, budget) !== undefined) return 'typo';
    // Typo-tolerant prefix: "typscr" is on its way to "typescript".
    for (let length = query.length - 1; length <= query.length + 1; length += 1) {
      if (length >= 4 && length < key.length && distanceWithin(query, key, budget, length) !== undefined) return 'typo';
    }
  }
  return undefined;
}

/**
 * The seeded catalogue plus a team's own additions. Pure and immutable: `withAdditions` gives a
 * new taxonomy. Normalising never corrects typos (that would rename someone's skill behind
 * their back); suggestions do tolerate them.
 */
export class SkillTaxonomy {
  private readonly byKey = new Map<string, TaxonomySkill>();
  private readonly skills: TaxonomySkill[] = [];

  constructor(catalog: readonly CatalogSkill[] = SKILL_CATALOG, additions: Iterable<string> = []) {
    for (const skill of catalog) this.add(entry(skill, true));
    for (const name of additions) {
      const key = compactKey(name);
      if (key !== '' && !this.byKey.has(key)) this.add(entry({ name: tidyNewName(name), aliases: [] }, false));
    }
  }

  private add(skill: TaxonomySkill): void {
    if (skill.key === '') return;
    this.skills.push(skill);
    for (const key of skill.keys) if (!this.byKey.has(key)) this.byKey.set(key, skill);
  }

  withAdditions(names: Iterable<string>): SkillTaxonomy {
    return new SkillTaxonomy(SKILL_CATALOG, [...this.skills.filter((s) => !s.seeded).map((s) => s.name), ...names]);
  }

  all(): readonly TaxonomySkill[] {
    return this.skills;
  }

  byCompactKey(key: string): TaxonomySkill | undefined {
    return this.byKey.get(key);
  }

  /** The canonical form of a typed skill, or undefined when nothing of it is left (only punctuation, emoji…). */
  normalise(raw: string): NormalisedSkill | undefined {
    const key = compactKey(raw.slice(0, MAX_SKILL_CHARS * 2));
    if (key === '') return undefined;
    const known = this.byKey.get(key);
    if (known) return { name: known.name, key: known.key, known: true };
    const name = tidyNewName(raw);
    return { name, key: compactKey(name), known: false };
  }

  /** Known, or new with up to `limit` close names (prefix or typo matches), best first; undefined when nothing usable was typed. */
  resolve(raw: string, limit = 3): SkillResolution | undefined {
    const normalised = this.normalise(raw);
    if (!normalised) return undefined;
    if (normalised.known) return { known: true, name: normalised.name, key: normalised.key };
    const suggestions = this.suggest(raw, limit).map((s) => s.name);
    return { known: false, name: normalised.name, key: normalised.key, suggestions };
  }

  /** Autocomplete: exact, then prefix, then typo-tolerant; more popular first, then by name. */
  suggest(query: string, limit = 10, popularity: (key: string) => number = () => 0): SkillSuggestion[] {
    const q = compactKey(query);
    if (q === '') return [];
    const found: { skill: TaxonomySkill; quality: MatchQuality }[] = [];
    for (const skill of this.skills) {
      const quality = matchSkill(skill, q);
      if (quality) found.push({ skill, quality });
    }
    found.sort(
      (a, b) =>
        QUALITY_ORDER[a.quality] - QUALITY_ORDER[b.quality] ||
        popularity(b.skill.key) - popularity(a.skill.key) ||
        a.skill.name.localeCompare(b.skill.name, 'en'),
    );
    return found.slice(0, Math.max(0, limit)).map(({ skill, quality }) => ({ name: skill.name, quality }));
  }
}

export const SEEDED_TAXONOMY = new SkillTaxonomy();
