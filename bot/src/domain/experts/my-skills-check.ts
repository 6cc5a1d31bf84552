import type { TeachSkill } from './member';
import { PROFILE_LIMITS } from './profile-limits';
import { splitMySkills, typedSkill } from './profile-editing';
import { unknownSkills } from './skill-check';
import type { UnknownSkill } from './skill-check';
import type { SkillTaxonomy } from './skill-taxonomy';
import { compactKey } from './text-fold';

/**
 * "my skills: Typscript" asks before it stores: the bot answers with "did you mean TypeScript?"
 * and "add Typscript as new", one unknown skill at a time; each answer rewrites the argument (or
 * confirms the skill as new) and the command runs again, until nothing unknown is left.
 */

const nameOf = (part: string): string => typedSkill(part).name.slice(0, PROFILE_LIMITS.skillChars);

/** The first typed skill that is neither known, nor already taught, nor confirmed as new. */
export function firstUnknownSkill(
  argument: string,
  current: readonly TeachSkill[],
  taxonomy: SkillTaxonomy,
  newSkills: readonly string[],
): UnknownSkill | undefined {
  const names = splitMySkills(argument).slice(0, PROFILE_LIMITS.skills).map(nameOf);
  return unknownSkills({ teaches: names }, taxonomy, { newSkills, stored: current.map((s) => s.name) })[0];
}

/**
 * The argument with `skill` replaced by `chosen` (its level kept: "Typscript 3" → "TypeScript 3"),
 * rebuilt from the entries it holds, so a card carrying it stays small whatever was pasted.
 */
export function chooseInArgument(argument: string, skill: string, chosen: string): string {
  const key = compactKey(skill);
  return splitMySkills(argument)
    .slice(0, PROFILE_LIMITS.skills)
    .map((part) => {
      const name = typedSkill(part).name;
      return compactKey(name) === key && part.startsWith(name) ? `${chosen}${part.slice(name.length)}` : part;
    })
    .join(', ');
}
