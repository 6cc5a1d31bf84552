import { SEEDED_TAXONOMY } from '../experts/skill-taxonomy';
import type { SkillTaxonomy } from '../experts/skill-taxonomy';
import { cleanText } from '../experts/text-fold';
import { generalChannelOf } from '../teams/general-channel';
import type { Channel } from '../teams/team';
import { KUDOS_MESSAGE_MAX_LENGTH, KUDOS_SKILL_MAX } from './kudos-limits';
import type { KudosField, KudosProblemCode } from './kudos-limits';

export interface KudosProblem {
  readonly field: KudosField;
  readonly code: KudosProblemCode;
}

/** A thank-you as the tab's form sends it; anything may be missing or of the wrong type. */
export interface KudosInput {
  readonly toUserId?: unknown;
  readonly message?: unknown;
  readonly skill?: unknown;
  readonly channelId?: unknown;
}

interface KudosDraft {
  readonly toUserId: string;
  readonly message: string;
  readonly skill?: string;
  /** Undefined when the team knows no channel: the thanks is on the wall only. */
  readonly channelId?: string;
}

interface KudosContext {
  readonly giverId: string;
  /** The team's members' ids: only they can be thanked in the team. */
  readonly memberIds: ReadonlySet<string>;
  readonly channels: readonly Channel[];
  /** The team's id, which is its General channel's. */
  readonly teamId: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The General channel (whose id is the team's) when known, else the first known channel. */
const defaultChannel = (ctx: KudosContext): string | undefined => generalChannelOf({ teamId: ctx.teamId, channels: ctx.channels });

/** Every problem of the form at once (a pure check), or what to store. */
export function validateKudosInput(
  input: KudosInput,
  ctx: KudosContext,
  taxonomy: SkillTaxonomy = SEEDED_TAXONOMY,
): { readonly ok: true; readonly draft: KudosDraft } | { readonly ok: false; readonly problems: readonly KudosProblem[] } {
  const problems: KudosProblem[] = [];
  const problem = (field: KudosField, code: KudosProblemCode) => problems.push({ field, code });

  const toUserId = str(input.toUserId).trim();
  if (toUserId === '') problem('toUserId', 'toRequired');
  else if (toUserId === ctx.giverId) problem('toUserId', 'toSelf');
  else if (!ctx.memberIds.has(toUserId)) problem('toUserId', 'toNotMember');

  const message = cleanText(str(input.message));
  if (message === '') problem('message', 'messageRequired');
  else if (message.length > KUDOS_MESSAGE_MAX_LENGTH) problem('message', 'messageTooLong');

  const typedSkill = str(input.skill).trim();
  const skill = typedSkill === '' ? undefined : typedSkill.length <= KUDOS_SKILL_MAX ? taxonomy.normalise(typedSkill) : undefined;
  if (typedSkill !== '' && !skill) problem('skill', 'skillInvalid');

  const typedChannel = str(input.channelId).trim();
  const channelId = typedChannel === '' ? defaultChannel(ctx) : typedChannel;
  if (typedChannel !== '' && !ctx.channels.some((c) => c.channelId === typedChannel)) problem('channelId', 'channelUnknown');

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, draft: { toUserId, message, ...(skill ? { skill: skill.name } : {}), ...(channelId ? { channelId } : {}) } };
}
