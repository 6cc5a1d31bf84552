/**
 * What a thank-you may hold, and every way the tab's kudos form can be wrong. No imports, on purpose: the API contract
 * re-exports these values, so the tab checks its form against the same numbers and its bundle takes nothing else from here.
 */
export const KUDOS_MESSAGE_MAX_LENGTH = 280;
export const KUDOS_SKILL_MAX = 60;

/** Each code has an nl/en text (bot: the cards' kudos catalogue, tab: i18n `kudos.problems`). */
export const KUDOS_PROBLEMS = [
  'toRequired',
  'toSelf',
  'toNotMember',
  'messageRequired',
  'messageTooLong',
  'skillInvalid',
  'channelUnknown',
] as const;
export type KudosProblemCode = (typeof KUDOS_PROBLEMS)[number];

export type KudosField = 'toUserId' | 'message' | 'skill' | 'channelId';
