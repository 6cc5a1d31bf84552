import type { MilestoneId } from '../milestones/milestones';
import type { MyGoalView } from './insights-report';

/**
 * My learning (DESIGN F11, issue #14): one person's own progress across every team they are in.
 * Only ever shown to that person.
 */

/** A session the person attended or taught. */
export interface MySessionView {
  readonly teamId: string;
  readonly teamName: string;
  readonly sessionId: string;
  readonly title: string;
  readonly startsAt: string;
  readonly skills: readonly string[];
  readonly role: 'taught' | 'attended';
}

/** One skill of the person's profile and how its level moved (from the skill history; oldest first). */
export interface MySkillView {
  readonly name: string;
  readonly level: 1 | 2 | 3;
  readonly history: readonly { readonly level: 1 | 2 | 3; readonly at: string }[];
  /** When it first appeared on their profile. */
  readonly since: string;
}

export interface MyKudosView {
  readonly teamId: string;
  readonly kudosId: string;
  readonly fromName: string;
  readonly message: string;
  readonly at: string;
}

/** What they said they would apply in a session's feedback. */
export interface MyApplyView {
  readonly teamId: string;
  readonly sessionId: string;
  readonly title: string;
  readonly text: string;
  readonly at: string;
}

/** Consecutive ISO weeks (in the person's first team's time zone) with at least one session attended or taught. */
export interface MyStreak {
  readonly weeks: number;
  /** False when the streak ended last week or earlier (shown as "your last streak"). */
  readonly current: boolean;
  readonly longest: number;
}

/** A milestone the person reached in a team (issue #12), whether or not its card was posted. */
export interface MyMilestoneView {
  readonly teamId: string;
  readonly teamName: string;
  readonly milestone: MilestoneId;
  readonly reachedAt: string;
}

export interface MyLearning {
  readonly attended: readonly MySessionView[];
  readonly taught: readonly MySessionView[];
  readonly skills: readonly MySkillView[];
  readonly kudosReceived: readonly MyKudosView[];
  readonly goals: readonly MyGoalView[];
  readonly streak: MyStreak;
  /** Current learning buddies, one per pool (names only), when the person has any. */
  readonly buddies: readonly { readonly poolId: string; readonly names: readonly string[]; readonly endsAt: string }[];
  readonly apply: readonly MyApplyView[];
  /** Their milestones, newest first (issue #12); absent when they have none yet. */
  readonly milestones?: readonly MyMilestoneView[];
}

/** At most this many sessions of each kind, newest first (the view pages no further). */
export const MY_LEARNING_MAX_SESSIONS = 100;
