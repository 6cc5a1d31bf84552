import type { FeedbackTally, Granularity, SessionFact } from './insights';

/**
 * One week's or month's rollup of a team, summed from the session facts that start in it (in the
 * team's time zone). The distinct people are kept as id sets (at most the team's members), so a
 * range's distinct totals and quiet members are unions of a few rows, never a scan of sessions.
 * An erased person's id is replaced by an anonymous token (the counts stay).
 */
export interface PeriodRollup {
  readonly tenantId: string;
  readonly teamId: string;
  readonly granularity: Granularity;
  /** `2026-W48` (ISO week) or `2026-11`. */
  readonly period: string;
  /** ISO start of the period. */
  readonly startsAt: string;
  readonly sessionsHeld: number;
  readonly attendances: number;
  readonly learnerIds: readonly string[];
  readonly teacherIds: readonly string[];
  readonly feedback: FeedbackTally;
  /** Per normalised skill name: sessions held with that skill and their feedback. */
  readonly bySkill: Readonly<Record<string, FeedbackTally & { readonly sessions: number }>>;
}

/** The insights' rollups of one team (table `plInsights`, one partition per team). */
export interface InsightsRepository {
  /** The periods whose start lies in [fromIso, toIso), oldest first; periods without sessions are absent. */
  listPeriods(tenantId: string, teamId: string, granularity: Granularity, fromIso: string, toIso: string): Promise<PeriodRollup[]>;
  getFact(tenantId: string, teamId: string, sessionId: string): Promise<SessionFact | undefined>;
  /**
   * Stores the session's fact (undefined: removes it) and rebuilds the week and month it falls in
   * (and those it fell in before, when its start moved) from their facts, under ETags: two folds at
   * once never lose each other's fact.
   */
  saveFact(tenantId: string, teamId: string, sessionId: string, fact: SessionFact | undefined, timeZone: string): Promise<void>;
}

/** The bookkeeping of a team's rollups: when a fold last ran (the report's `asOf`), and whether its history was folded once. */
export interface InsightsMeta {
  readonly lastFoldAt?: string;
  readonly backfilledAt?: string;
  /** The time zone the period rows were filed in (absent: filed before it was noted, so unknown). */
  readonly filedIn?: string;
}

/** Added by insights-core beside the contract's three methods (nothing renamed). */
export interface InsightsBookkeeping {
  getMeta(tenantId: string, teamId: string): Promise<InsightsMeta>;
  /**
   * Marks the team's history as folded, its rows filed in `timeZone`; true only for the one caller
   * that marked it (a create, so two reports race safely).
   */
  claimBackfill(tenantId: string, teamId: string, at: string, timeZone: string): Promise<boolean>;
  /**
   * Files every period row again on `timeZone`'s clock (after the team changed its time zone): each
   * week and month the rows or the facts touch is rebuilt from its facts under its ETag, then the
   * zone is noted. Two refiles at once, or a fold meanwhile, end in the same rows.
   */
  refile(tenantId: string, teamId: string, timeZone: string): Promise<void>;
  /** Seeding and benchmarks: many facts at once (new sessions only), then every period they touch rebuilt once. */
  saveFacts(tenantId: string, teamId: string, facts: readonly SessionFact[], timeZone: string): Promise<void>;
  /** Every fact of the team, oldest first (milestones count a person's sessions in them, as the rollups do). */
  listFacts(tenantId: string, teamId: string): Promise<SessionFact[]>;
}
