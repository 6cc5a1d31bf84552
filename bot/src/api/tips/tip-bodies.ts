import { z } from 'zod';
import { cleanText } from '../../domain/experts/text-fold';
import type { TipFailure } from '../../domain/shared/result';
import { validateTipInput } from '../../domain/tips/tip';
import type { TipProblem } from '../../domain/tips/tip';
import { TIP_BODY_MAX, TIP_LINK_MAX, TIP_SKILL_MAX, TIP_SKILLS_MAX, TIP_TITLE_MAX } from '../../domain/tips/tip-limits';
import type { TipField, TipProblemCode } from '../../domain/tips/tip-limits';
import { because, boundedList } from '../shared/body-schema';
import type { EdgeProblem } from '../shared/body-schema';

const problem = (field: TipField, code: TipProblemCode) => because(field, code);

/** Measured as the domain keeps it (spaces collapsed, line ends as LF), so the edge refuses nothing the domain would take. */
const bounded = (max: number, keep: (v: string) => string, field: TipField, code: TipProblemCode, typeCode: TipProblemCode = code) =>
  z
    .string(problem(field, typeCode))
    .refine((v) => keep(v).length <= max, problem(field, code))
    .nullish();

const trimmed = (v: string) => v.trim();

/** POST `/teams/:teamId/tips`. */
export const tipBody = z.object({
  title: bounded(TIP_TITLE_MAX, cleanText, 'title', 'titleTooLong', 'titleRequired'),
  body: bounded(TIP_BODY_MAX, (v) => v.replace(/\r\n/g, '\n').trim(), 'body', 'bodyTooLong'),
  link: bounded(TIP_LINK_MAX, trimmed, 'link', 'linkInvalid'),
  // The domain drops duplicates before counting: the edge allows twice as many.
  skills: boundedList(/[,;\n]/, { count: TIP_SKILLS_MAX * 2, each: TIP_SKILL_MAX }, 'skills', {
    entry: 'skillInvalid',
    count: 'skillsTooMany',
  }),
  /** Skills confirmed as new ("keep 'Dokcer' as a new skill"); anything else the taxonomy does not know answers 400 `unknownSkill`. */
  newSkills: boundedList(/[,;\n]/, { count: TIP_SKILLS_MAX * 2, each: TIP_SKILL_MAX }, 'skills', {
    entry: 'skillInvalid',
    count: 'skillsTooMany',
  }),
});

const FIELD_ORDER: readonly TipField[] = ['title', 'body', 'link', 'skills'];

/**
 * A refusal at the edge, as the domain's validator words it: the edge's problems, and the domain's
 * (a pure check) for the fields the edge let through, so the form learns every problem at once.
 */
export const invalidTip = (edge: readonly EdgeProblem[], rest: Readonly<Record<string, unknown>>): TipFailure => {
  // Built only by `problem` above: each field and code is the domain's own.
  const refused = edge.map((p) => ({ field: p.field, code: p.code }) as TipProblem);
  const checked = validateTipInput(rest);
  const others = checked.ok ? [] : checked.problems.filter((p) => !refused.some((r) => r.field === p.field));
  const problems = [...refused, ...others].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  return { subject: 'tip', kind: 'invalid', problems };
};
