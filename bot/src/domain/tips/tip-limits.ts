/**
 * What a tip may hold, and every way a tip form can be wrong. No imports, on purpose: the API contract re-exports these values, so the tab checks its
 * forms against the same numbers and the tab bundle takes this file and nothing else from the service.
 */
export const TIP_TITLE_MAX = 120;
export const TIP_BODY_MAX = 1000;
export const TIP_LINK_MAX = 1000;
export const TIP_SKILLS_MAX = 8;
export const TIP_SKILL_MAX = 60;

/** Each code has an nl/en text (bot: the cards' tips catalogue, tab: i18n `tips.problems`). */
export const TIP_PROBLEMS = ['titleRequired', 'titleTooLong', 'bodyTooLong', 'linkInvalid', 'skillsTooMany', 'skillInvalid'] as const;
export type TipProblemCode = (typeof TIP_PROBLEMS)[number];

export type TipField = 'title' | 'body' | 'link' | 'skills';
