/**
 * Team goals (DESIGN F10, issue #14), set by owners in Settings, with progress on the board and in
 * Insights. Four kinds, each a target over a period.
 */

/**
 * - `sessions`: at least `target` sessions held per `period` ("2 sessions a month").
 * - `teachers`: at least `target`% of the members teach once per `period` ("everyone teaches once a quarter": 100).
 * - `participation`: at least `target`% of the members take part (attend or teach) per `period` ("80% each quarter").
 * - `skillCoverage`: at least `target` people teach `skill` by `due` ("cover the gap in Kubernetes by March").
 */
export const GOAL_KINDS = ['sessions', 'teachers', 'participation', 'skillCoverage'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

export const GOAL_PERIODS = ['month', 'quarter'] as const;
export type GoalPeriod = (typeof GOAL_PERIODS)[number];

/** Limits of a goal's target, by kind (inclusive). */
export const GOAL_TARGET_RANGE: Readonly<Record<GoalKind, { readonly min: number; readonly max: number }>> = {
  sessions: { min: 1, max: 60 },
  teachers: { min: 1, max: 100 },
  participation: { min: 1, max: 100 },
  skillCoverage: { min: 1, max: 50 },
};

/** A team has at most this many goals. */
export const MAX_GOALS = 8;
/** A skill coverage goal is due at most this far ahead. */
export const MAX_GOAL_DUE_DAYS = 2 * 366;

export type TeamGoal =
  | {
      readonly goalId: string;
      readonly kind: 'sessions' | 'teachers' | 'participation';
      readonly target: number;
      readonly period: GoalPeriod;
    }
  | {
      readonly goalId: string;
      readonly kind: 'skillCoverage';
      readonly target: number;
      /** Normalised through the taxonomy. */
      readonly skill: string;
      /** ISO date (YYYY-MM-DD) in the team's time zone; never in the past when set. */
      readonly due: string;
    };

/** A goal as set (no id: the service gives new goals one, keeps the ids it knows). */
// Distributive: a plain Omit of the union would keep only the fields every kind has (kind, target).
export type GoalInput = TeamGoal extends infer G ? (G extends TeamGoal ? Omit<G, 'goalId'> & { readonly goalId?: string } : never) : never;

/** How far a goal is, for the current period (or until `due`). */
export interface GoalProgress {
  readonly goal: TeamGoal;
  /** The current value in the goal's unit: sessions, percent of members, or people teaching the skill. */
  readonly value: number;
  readonly target: number;
  /** ISO start and end of the period the value is for (for skillCoverage: now and `due`). */
  readonly from: string;
  readonly to: string;
  readonly met: boolean;
  /** Days left in the period (0 on its last day). */
  readonly daysLeft: number;
}
