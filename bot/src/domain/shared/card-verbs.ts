/**
 * The verbs of PeerLearn's cards (DESIGN.md, Teams contract). Cards import these types so a card
 * cannot carry a verb the bot has no handler for; the bot's dispatch tables are Records over them.
 */

/** `Action.Execute` verbs (and the invite card's refresh): Teams sends them as `adaptiveCard/action`. */
export const CARD_VERBS = [
  'rsvp',
  'refresh',
  'cancelSession',
  'editSession',
  'saveSession',
  'feedback',
  // The follow-up two weeks after a session: "did you apply it?" (issue #12).
  'applied',
  'kudos',
  'createSession',
  'editProfile',
  'viewProfile',
  'saveProfile',
  'voteRequest',
  'handBackRequest',
  // An empty expert search: ask to learn the skill (a new request, or a +1 on the open one).
  'askToLearn',
  'declineRole',
  'eraseMe',
  'keepMyData',
  // "my skills: Typscript": the person picks "TypeScript" or confirms Typscript as a new skill.
  'chooseSkill',
  // Learning buddies (DESIGN F8): check-in answers and a person's own participation.
  'buddyMet',
  'buddyJoin',
  'buddyLeave',
  'buddySkip',
  'buddyAcross',
  'buddyStatus',
  // Pulse surveys (DESIGN F5): a member's anonymous answers.
  'pulseAnswer',
] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

/** `data.verb` of a card's `Action.Submit` with `msteams.type: 'task/fetch'`: which of the bot's own dialogs to open. */
export const DIALOG_OPEN_VERBS = ['planSession'] as const;
export type DialogOpenVerb = (typeof DIALOG_OPEN_VERBS)[number];

/** `data.verb` of the form inside one of the bot's own dialogs, submitted as `task/submit`. */
export const DIALOG_SUBMIT_VERBS = ['createSession'] as const;
export type DialogSubmitVerb = (typeof DIALOG_SUBMIT_VERBS)[number];

/** True for exactly the listed names: a name from the wire such as "__proto__" or "toString" is none of them. */
export function isOneOf<K extends string>(names: readonly K[], name: unknown): name is K {
  return typeof name === 'string' && (names as readonly string[]).includes(name);
}

export const isCardVerb = (verb: unknown): verb is CardVerb => isOneOf(CARD_VERBS, verb);
