/**
 * Insights (DESIGN F10, issue #14): does peer learning work in this team? Every figure comes from
 * rollups kept up to date by jobs (one fact per held session, summed per week and month), never
 * from scanning a team's history on a read.
 */

/** Periods the participation figures are grouped by. */
export const GRANULARITIES = ['week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The longest range the insights API answers (`from`..`to`), in days: three years. */
export const MAX_RANGE_DAYS = 3 * 366;
/** Without `from`/`to`: the last twelve months up to now. */
export const DEFAULT_RANGE_MONTHS = 12;

/**
 * Feedback figures of a group smaller than this are not shown (an average of two answers would
 * tell a host's colleagues what one person said); the count still is.
 */
export const MIN_FEEDBACK_ANSWERS = 3;

/** "Quiet" means no session attended or taught in this many weeks, unless the team's settings say otherwise. */
export const DEFAULT_QUIET_WEEKS = 6;
export const QUIET_WEEKS_RANGE = { min: 2, max: 26 } as const;

/** An owner nudges one quiet member at most once in this many days. */
export const NUDGE_INTERVAL_DAYS = 14;

/**
 * What one held session adds to the rollups, written by the fold job after the session ended (and
 * again after feedback came in). A cancelled session has no fact; re-folding replaces the fact.
 * `attendeeIds` and `teacherIds` make "distinct people" countable per period; an erased person's id
 * becomes FORMER_COLLEAGUE_ID-like token (their count stays, their name goes).
 */
export interface SessionFact {
  readonly tenantId: string;
  readonly teamId: string;
  readonly sessionId: string;
  readonly title: string;
  /** ISO start of the session: the period it counts in. */
  readonly startsAt: string;
  /** Normalised skill names (as the taxonomy stores them). */
  readonly skills: readonly string[];
  /** The host and the co-teachers. */
  readonly teacherIds: readonly string[];
  /** Confirmed "yes" (not waitlisted) at the end of the session, without the teachers. */
  readonly attendeeIds: readonly string[];
  readonly feedback: FeedbackTally;
  readonly foldedAt: string;
}

/** Sums, so that periods and skills add up without per-person rows. */
export interface FeedbackTally {
  readonly answers: number;
  readonly ratingSum: number;
  readonly learnedYes: number;
}

/** One period's participation, summed from its session facts. */
export interface ParticipationPoint {
  /** `2026-W48` for a week (ISO week), `2026-11` for a month, in the team's time zone. */
  readonly period: string;
  /** ISO start of the period. */
  readonly startsAt: string;
  readonly sessionsHeld: number;
  /** Attendances (one person at two sessions counts twice). */
  readonly attendances: number;
  readonly distinctLearners: number;
  readonly distinctTeachers: number;
}

/** Trend of the last complete period against the average of the ones before it in the range. */
export type Trend = 'up' | 'flat' | 'down' | 'unknown';

/** Feedback of one month or one skill; averages absent when fewer than MIN_FEEDBACK_ANSWERS answered. */
export interface FeedbackPoint {
  /** The month (`2026-11`) or the skill name. */
  readonly key: string;
  readonly answers: number;
  readonly averageRating?: number;
  /** 0..1 */
  readonly learnedRate?: number;
}

/** The skills matrix: people × skills; a cell holds the teach level (1–3) and whether they want to learn it. */
export interface SkillsMatrix {
  readonly skills: readonly string[];
  readonly people: readonly { readonly userId: string; readonly displayName: string }[];
  /** `cells[p][s]` for people[p], skills[s]. */
  readonly cells: readonly (readonly SkillCell[])[];
  /** Skills someone wants that nobody in the team teaches (`teachers` 0) or only one person does. */
  readonly gaps: readonly SkillGap[];
}

export interface SkillCell {
  /** 0 when they do not teach it. */
  readonly teachLevel: 0 | 1 | 2 | 3;
  readonly wants: boolean;
}

export interface SkillGap {
  readonly skill: string;
  readonly wantedBy: number;
  readonly teachers: 0 | 1;
}

/** A member with no session attended or taught in `weeks` weeks (owners only). */
export interface QuietMember {
  readonly userId: string;
  readonly displayName: string;
  /** ISO of their last session in the team, if they ever took part. */
  readonly lastTookPartAt?: string;
  /** ISO of the last nudge an owner sent them, if any in NUDGE_INTERVAL_DAYS. */
  readonly nudgedAt?: string;
}
