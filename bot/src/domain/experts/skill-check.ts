import type { SkillTaxonomy } from './skill-taxonomy';
import { cleanText, compactKey } from './text-fold';

/**
 * The gate every stored skill passes (profiles, tips, sessions, learning requests): a skill the
 * taxonomy knows goes through in its canonical spelling; one it does not know is stored only when the
 * person said so ("add Typscript as a new skill"), so a typo never becomes a skill by accident.
 */
export interface UnknownSkill {
  /** The field of the form or body ("teaches", "wants", "skills", …). */
  readonly field: string;
  /** Its place in that field's list. */
  readonly index: number;
  /** As typed (tidied). */
  readonly skill: string;
  /** Close names the taxonomy knows, best first; empty when nothing is close. */
  readonly suggestions: readonly string[];
}

export interface SkillAcceptance {
  /** Skills the person confirmed as new, in any spelling that folds to the same key. */
  readonly newSkills?: readonly string[];
  /** Skills already stored on what is being edited: kept as they are, never asked about again. */
  readonly stored?: readonly string[];
}

/** Every skill of `fields` the taxonomy does not know and the person did not accept, in field order. */
export function unknownSkills(
  fields: Readonly<Record<string, readonly string[]>>,
  taxonomy: SkillTaxonomy,
  acceptance: SkillAcceptance = {},
): UnknownSkill[] {
  const accepted = new Set([...(acceptance.newSkills ?? []), ...(acceptance.stored ?? [])].map(compactKey).filter((k) => k !== ''));
  const unknown: UnknownSkill[] = [];
  for (const [field, names] of Object.entries(fields)) {
    names.forEach((typed, index) => {
      const resolved = taxonomy.resolve(typed);
      if (!resolved || resolved.known || accepted.has(resolved.key) || accepted.has(compactKey(typed))) return;
      unknown.push({ field, index, skill: cleanText(typed), suggestions: resolved.suggestions });
    });
  }
  return unknown;
}

/** The API's English sentence for a refusal (the tab words it itself, per field, from the structured list). */
export function unknownSkillsMessage(unknown: readonly UnknownSkill[]): string {
  const parts = unknown.map((u) =>
    u.suggestions.length > 0
      ? `“${u.skill}” (${u.field}) is not a known skill: did you mean ${u.suggestions.join(' or ')}?`
      : `“${u.skill}” (${u.field}) is not a known skill.`,
  );
  return `${parts.join(' ')} To add a skill as new, repeat it in newSkills.`;
}
