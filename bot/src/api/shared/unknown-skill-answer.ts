import type { Response } from 'express';
import { unknownSkills, unknownSkillsMessage } from '../../domain/experts/skill-check';
import type { SkillAcceptance, UnknownSkill } from '../../domain/experts/skill-check';
import type { AdmittedSkills, SkillGate } from '../../domain/experts/skill-gate';
import type { SkillTaxonomy } from '../../domain/experts/skill-taxonomy';
import type { PersonRef } from '../../domain/shared/person';
import type { ApiError } from '../contract';

/** 400 `unknownSkill`: per field the skill, its place and the names the person probably meant. */
function answerUnknownSkills(res: Response, unknown: readonly UnknownSkill[]): void {
  const problems = [...new Set(unknown.map((u) => u.field))].map((field) => ({ field, code: 'unknownSkill' }));
  const error: ApiError['error'] = {
    code: 'unknownSkill',
    message: unknownSkillsMessage(unknown),
    fields: Object.fromEntries(problems.map((p) => [p.field, p.code])),
    problems,
    unknownSkills: unknown,
  };
  res.status(400).json({ error } satisfies ApiError);
}

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
  answerUnknownSkills(res, unknown);
  return true;
}

/** The team's skill gate at the edge: the admitted skills, or undefined after answering 400 `unknownSkill`. */
export async function admitTeamSkills(
  res: Response,
  gate: SkillGate,
  actor: PersonRef,
  teamId: string,
  fields: Readonly<Record<string, readonly string[]>>,
  acceptance: SkillAcceptance,
): Promise<AdmittedSkills | undefined> {
  const admitted = await gate.admit(actor, teamId, fields, acceptance);
  if (admitted.ok) return admitted;
  answerUnknownSkills(res, admitted.unknown);
  return undefined;
}
