import { z } from 'zod';
import { cleanText } from '../../domain/experts/text-fold';
import { validateKudosInput } from '../../domain/kudos/kudos-input';
import type { KudosProblem } from '../../domain/kudos/kudos-input';
import { KUDOS_MESSAGE_MAX_LENGTH, KUDOS_SKILL_MAX } from '../../domain/kudos/kudos-limits';
import type { KudosField, KudosProblemCode } from '../../domain/kudos/kudos-limits';
import type { KudosFailure } from '../../domain/shared/result';
import { because } from '../shared/body-schema';
import type { EdgeProblem } from '../shared/body-schema';

const problem = (field: KudosField, code: KudosProblemCode) => because(field, code);

// Ids are Entra object ids or Teams thread ids: short. A longer one cannot be a member or a channel.
const ID_MAX = 200;

/** POST `/teams/:teamId/kudos`, measured as the domain keeps it (spaces collapsed). */
export const kudosBody = z.object({
  toUserId: z.string(problem('toUserId', 'toRequired')).max(ID_MAX, problem('toUserId', 'toNotMember')).nullish(),
  message: z
    .string(problem('message', 'messageRequired'))
    .refine((v) => cleanText(v).length <= KUDOS_MESSAGE_MAX_LENGTH, problem('message', 'messageTooLong'))
    .nullish(),
  skill: z
    .string(problem('skill', 'skillInvalid'))
    .refine((v) => v.trim().length <= KUDOS_SKILL_MAX, problem('skill', 'skillInvalid'))
    .nullish(),
  channelId: z.string(problem('channelId', 'channelUnknown')).max(ID_MAX, problem('channelId', 'channelUnknown')).nullish(),
});

const FIELD_ORDER: readonly KudosField[] = ['toUserId', 'message', 'skill', 'channelId'];

// What only the team can tell (its members, its channels): the edge, which has not read the team, leaves them out.
const NEEDS_THE_TEAM: readonly KudosProblemCode[] = ['toNotMember', 'channelUnknown'];

/**
 * A refusal at the edge, named as the domain names it: the edge's problems, and the domain's pure
 * check of the fields the edge let through (without the team, so only what the text and the giver say).
 */
export const invalidKudosOf =
  (giverId: string) =>
  (edge: readonly EdgeProblem[], rest: Readonly<Record<string, unknown>>): KudosFailure => {
    // Built only by `problem` above: each field and code is the domain's own.
    const refused = edge.map((p) => ({ field: p.field, code: p.code }) as KudosProblem);
    const checked = validateKudosInput(rest, { giverId, memberIds: new Set(), channels: [], teamId: '' });
    const others = checked.ok
      ? []
      : checked.problems.filter((p) => !NEEDS_THE_TEAM.includes(p.code) && !refused.some((r) => r.field === p.field));
    const problems = [...refused, ...others].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
    return { subject: 'kudos', kind: 'invalid', problems };
  };
