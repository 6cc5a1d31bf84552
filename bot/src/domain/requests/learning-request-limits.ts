/**
 * What a learning request may hold, and every way a request form can be wrong. No imports, on purpose: the API contract re-exports these values, so the tab checks its
 * forms against the same numbers and the tab bundle takes this file and nothing else from the service.
 */
export const REQUEST_NOTE_MAX = 500;
export const REQUEST_SKILL_MAX = 60;

/** The tab translates each code (nl + en). */
export const REQUEST_PROBLEMS = ['bodyInvalid', 'skillRequired', 'skillTooLong', 'skillInvalid', 'noteInvalid', 'noteTooLong'] as const;
export type RequestProblemCode = (typeof REQUEST_PROBLEMS)[number];
export type RequestField = 'body' | 'skill' | 'note';
