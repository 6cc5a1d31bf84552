import { z } from 'zod';
import { MEET_MODES, WEEKDAYS } from '../../domain/buddies/buddy';
import type { BuddyProblem } from '../../domain/buddies/buddy-service-contract';
import { checkBuddyChange } from '../../domain/buddies/buddy-validation';
import type { BuddyFailure } from '../../domain/shared/result';
import { because } from '../shared/body-schema';
import type { EdgeProblem } from '../shared/body-schema';

type Code = BuddyProblem['code'];
const problem = (field: string, code: Code) => because(field, code);

/** Every key not in `known` is named (`unknownField`), so a typo is not silently ignored. */
const onlyKeys =
  (known: readonly string[], prefix = '') =>
  (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    for (const key of Object.keys(value))
      if (!known.includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: problem(`${prefix}${key}`, 'unknownField').error });
  };

const flag = (field: string) => z.boolean(problem(field, 'notBoolean')).optional();

// At most each value twice: the domain reads duplicates as one, and nothing longer is a real choice.
const choices = <T extends string>(field: string, values: readonly [T, ...T[]]) =>
  z
    .array(z.unknown(), problem(field, 'notAList'))
    .max(values.length * 2, problem(field, 'unknownValue'))
    .pipe(z.array(z.enum(values, problem(field, 'unknownValue'))).min(1, problem(field, 'empty')));

/** PUT `/teams/:teamId/buddies/me`: each field as the domain's checkBuddyChange names it. */
export const buddyMeBody = z
  .looseObject({
    optIn: flag('optIn'),
    skipNext: flag('skipNext'),
    acrossOrganisation: flag('acrossOrganisation'),
    availability: z
      .looseObject(
        { days: choices('availability.days', WEEKDAYS), modes: choices('availability.modes', MEET_MODES) },
        problem('availability', 'notAnObject'),
      )
      .superRefine(onlyKeys(['days', 'modes'], 'availability.'))
      .optional(),
  })
  .superRefine(onlyKeys(['optIn', 'skipNext', 'acrossOrganisation', 'availability']));

/** PUT `/teams/:teamId/buddies/cadence`: `{ cadence: {...} | null }`; the cadence itself is the domain's to check. */
export const buddyCadenceBody = z.looseObject({ cadence: z.unknown() }).superRefine(onlyKeys(['cadence']));

/** PUT `/teams/:teamId/buddies/rounds/:roundId/met`: the answer is the domain's to check. */
export const buddyMetBody = z.looseObject({ answer: z.unknown() }).superRefine(onlyKeys(['answer']));

/**
 * The edge's refusal, worded as the domain's (the codes above are BuddyProblem codes), with the
 * domain's check of the fields the edge let through (zod skips the unknown-key check once a field failed).
 */
export const invalidBuddy = (edge: readonly EdgeProblem[], rest: Readonly<Record<string, unknown>>): BuddyFailure => {
  const refused: BuddyProblem[] = edge.map((p) => ({ field: p.field, code: p.code as Code }));
  const checked = checkBuddyChange(rest);
  const others = checked.ok ? [] : checked.problems.filter((p) => !refused.some((r) => r.field === p.field));
  return { subject: 'buddy', kind: 'invalid', problems: [...refused, ...others] };
};

/** For bodies whose fields the domain checks itself (cadence, answer): only unknown keys are refused at the edge. */
export const unknownKeys = (edge: readonly EdgeProblem[]): BuddyFailure => ({
  subject: 'buddy',
  kind: 'invalid',
  problems: edge.map((p) => ({ field: p.field, code: p.code as Code })),
});

export const notAnObject: BuddyFailure = { subject: 'buddy', kind: 'invalid', problems: [{ field: 'body', code: 'notAnObject' }] };
