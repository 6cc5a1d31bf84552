import type { SkillAdmission, SkillGate } from '../../domain/experts/skill-gate';
import type { PersonRef } from '../../domain/shared/person';
import { NEW_SKILLS_INPUT } from '../../cards/shared/skill-questions';

/** A form's skills as typed: a card sends "a, b", the API a list. */
export function typedSkills(value: unknown): string[] {
  const items: unknown[] = typeof value === 'string' ? value.split(/[,;\n]/) : Array.isArray(value) ? (value as unknown[]) : [];
  return items
    .filter((s): s is string => typeof s === 'string')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * A card or task-module form's skills through the team's gate, as the API's are: `field` of the
 * submitted data, with the skills the person ticked as new (`newSkills`) accepted.
 */
export function admitFormSkills(
  gate: SkillGate,
  actor: PersonRef,
  teamId: string,
  data: Readonly<Record<string, unknown>>,
  field: string,
  stored: readonly string[] = [],
): Promise<SkillAdmission> {
  return gate.admit(actor, teamId, { [field]: typedSkills(data[field]) }, { newSkills: typedSkills(data[NEW_SKILLS_INPUT]), stored });
}
