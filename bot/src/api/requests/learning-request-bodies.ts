import { z } from 'zod';
import { cleanText } from '../../domain/experts/text-fold';
import type { RequestField, RequestProblemCode } from '../../domain/requests/learning-request-limits';
import { REQUEST_NOTE_MAX, REQUEST_SKILL_MAX } from '../../domain/requests/learning-request-limits';
import type { RequestFailure } from '../../domain/shared/result';
import { validateLearningRequestInput } from '../../domain/requests/learning-request';
import { because, boundedList } from '../shared/body-schema';
import type { EdgeProblem } from '../shared/body-schema';

const problem = (field: RequestField, code: RequestProblemCode) => because(field, code);

/** POST `/teams/:teamId/requests`: lengths measured as the domain keeps them, so the edge refuses nothing it would take. */
export const learningRequestBody = z.object({
  skill: z
    .string(problem('skill', 'skillInvalid'))
    .refine((v) => cleanText(v).length <= REQUEST_SKILL_MAX, problem('skill', 'skillTooLong'))
    .nullish(),
  note: z
    .string(problem('note', 'noteInvalid'))
    .refine((v) => v.replace(/\r\n/g, '\n').trim().length <= REQUEST_NOTE_MAX, problem('note', 'noteTooLong'))
    .nullish(),
  /** The skill confirmed as new ("keep 'Dokcer' as a new skill"); a skill the team's taxonomy does not know answers 400 `unknownSkill` otherwise. */
  newSkills: boundedList(/[,;\n]/, { count: 4, each: REQUEST_SKILL_MAX }, 'skill', { entry: 'skillInvalid', count: 'skillInvalid' }),
});

/** A refusal at the edge, with the domain's (pure) problems of the fields the edge let through, in the form's order. */
export const invalidRequest = (edge: readonly EdgeProblem[], rest: Readonly<Record<string, unknown>>): RequestFailure => {
  // Built only by `problem` above: each field and code is the domain's own.
  const refused = edge.map((p) => ({ field: p.field as RequestField, code: p.code as RequestProblemCode }));
  const checked = validateLearningRequestInput(rest);
  const others = checked.ok ? [] : checked.problems.filter((p) => !refused.some((r) => r.field === p.field));
  const order: readonly RequestField[] = ['body', 'skill', 'note'];
  return {
    subject: 'request',
    kind: 'invalid',
    problems: [...refused, ...others].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field)),
  };
};
