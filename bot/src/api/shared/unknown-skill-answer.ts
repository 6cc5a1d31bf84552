import type { Response } from 'express';
import { unknownSkills, unknownSkillsMessage } from '../../domain/experts/skill-check';
import type { SkillAcceptance } from '../../domain/experts/skill-check';
import type { SkillTaxonomy } from '../../domain/experts/skill-taxonomy';
import type { ApiError } from '../contract';

/**
 * Answers 400 `unknownSkill` when a typed skill is not in the taxonomy and was not confirmed as new:
 * per field the skill, its place and the names the person probably meant. True when it answered.
 */
export function refuseUnknownSkills(
  res: Response,
  fields: Readonly<Record<string, readonly string[]>>,
  taxonomy: SkillTaxonomy,
  acceptance: SkillAcceptance,
): boolean {
  const unknown = unknownSkills(fields, taxonomy, acceptance);
  if (unknown.length === 0) return false;
  const problems = [...new Set(unknown.map((u) => u.field))].map((field) => ({ field, code: 'unknownSkill' }));
  const error: ApiError['error'] = {
    code: 'unknownSkill',
    message: unknownSkillsMessage(unknown),
    fields: Object.fromEntries(problems.map((p) => [p.field, p.code])),
    problems,
    unknownSkills: unknown,
  };
  res.status(400).json({ error } satisfies ApiError);
  return true;
}
