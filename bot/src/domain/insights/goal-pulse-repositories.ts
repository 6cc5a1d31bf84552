import type { TeamGoal } from './goals';
import type { Pulse, PulseQuestion } from './pulse';

/** A team's goals (table `plTeamGoals`): one row per team, replaced as a whole. */
export interface GoalRepository {
  /** The team's goals in the order the owners set them; none when never set. */
  list(tenantId: string, teamId: string): Promise<TeamGoal[]>;
  replace(tenantId: string, teamId: string, goals: readonly TeamGoal[], updatedAt: string): Promise<void>;
}

/** One person's scores, stored only as counts on the pulse row. */
export type PulseScores = Readonly<Record<PulseQuestion, 1 | 2 | 3 | 4 | 5>>;

export type PulseAnswerOutcome =
  { readonly kind: 'answered'; readonly pulse: Pulse } | { readonly kind: 'alreadyAnswered' } | { readonly kind: 'notFound' };

/**
 * Pulse surveys (table `plPulses`, one partition per team): the pulse rows with their counts, and one
 * marker row per answer keyed by a keyed hash of (tenant, pulse, person) that names no one.
 */
export interface PulseRepository {
  create(pulse: Pulse): Promise<void>;
  get(tenantId: string, teamId: string, pulseId: string): Promise<Pulse | undefined>;
  /** The team's most recently posted pulse. */
  latest(tenantId: string, teamId: string): Promise<Pulse | undefined>;
  /**
   * Inserts the marker and adds the scores to the pulse's counts in one transaction under the pulse
   * row's ETag (a lost race retries): a second answer with the same marker fails its insert.
   */
  answer(tenantId: string, teamId: string, pulseId: string, marker: string, scores: PulseScores): Promise<PulseAnswerOutcome>;
}

/** What Repositories holds for goals and pulses. */
export interface GoalPulseRepositories {
  readonly goals: GoalRepository;
  readonly pulses: PulseRepository;
}
