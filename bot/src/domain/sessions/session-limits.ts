/**
 * What a session and a question to its host may hold. No imports, on purpose: the API contract re-exports these values, so the tab checks its
 * forms against the same numbers and the tab bundle takes this file and nothing else from the service.
 */
export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 2000;
export const PLACE_MAX = 200;
export const SKILLS_MAX = 10;
export const SKILL_MAX = 50;
/** Teachers of one session. */
export const TEACHERS_MAX = 10;
export const DURATION_MIN = 5;
export const DURATION_MAX = 480;
export const CAPACITY_MAX = 10_000;
/** A start further ahead than this is a typo in the year (2062 for 2026), not a plan. */
export const START_AHEAD_MAX_YEARS = 2;
export const QUESTION_MAX_LENGTH = 500;
/** Meeting links are short; a longer one is an attack on storage (Table properties stop at 64 KB), not a link. */
export const ONLINE_URL_MAX = 2000;
/** Entra object ids, Teams channel ids and the app's own ids all fit well within this. */
export const ID_MAX = 200;
/** A series without an end creates this many occurrences at once. */
export const SERIES_OCCURRENCES = 8;
/**
 * A series with an end (`repeatUntil`) creates at most this many: half a year weekly, two years monthly.
 * Each occurrence is a row and a few queued jobs, written while the planner waits.
 */
export const SERIES_OCCURRENCES_MAX = 26;
