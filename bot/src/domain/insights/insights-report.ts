import type { Granularity, FeedbackPoint, ParticipationPoint, QuietMember, SkillsMatrix, Trend } from './insights';
import type { GoalProgress } from './goals';

/** What the insights API answers and the tab shows; imports nothing but the insights' own types (the tab reads it). */

/** The figures of one team over a range (members and owners; `quiet` only for owners). */
export interface InsightsReport {
  readonly teamId: string;
  readonly from: string;
  readonly to: string;
  readonly granularity: Granularity;
  readonly timeZone: string;
  readonly participation: {
    readonly points: readonly ParticipationPoint[];
    readonly trend: Trend;
    /** Totals over the whole range (distinct people over the range, not summed per period). */
    readonly totals: Omit<ParticipationPoint, 'period' | 'startsAt'>;
  };
  readonly feedback: {
    readonly byMonth: readonly FeedbackPoint[];
    readonly bySkill: readonly FeedbackPoint[];
    readonly overall: FeedbackPoint;
  };
  readonly skills: SkillsMatrix;
  /** Owners only; absent for members. */
  readonly quiet?: { readonly weeks: number; readonly members: readonly QuietMember[] };
  /** Goals with their progress (the same as `GET …/goals`). */
  readonly goals: readonly GoalProgress[];
  /** When the rollups were last brought up to date (ISO), so the view can say how fresh they are. */
  readonly asOf: string;
}

export const CSV_TABLES = ['participation', 'feedback', 'skills', 'quiet'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** The goals a person sees in My learning: a team goal and what they did towards it in its period. */
export interface MyGoalView {
  readonly teamId: string;
  readonly teamName: string;
  readonly progress: GoalProgress;
  /** Sessions the person taught or attended in the goal's period (skillCoverage: whether they teach the skill). */
  readonly mine: number;
}
