import type { PersonRef } from '../shared/person';
import type { InsightsFailure, Result } from '../shared/result';
import type { GoalProgress } from './goals';
import type { PulseResults } from './pulse';
import type { InsightsReport } from './insights-report';
import type { MyLearning } from './my-learning';

type Outcome<T> = Result<T, InsightsFailure>;

/** A field of a request that is not right, and why (the API answers 400 `invalid_insights` naming each). */
export interface InsightsProblem {
  /** `from`, `to`, `granularity`, `table`, `goals[2].target`, `goals[0].due`, `answers.timeToLearn`… */
  readonly field: string;
  readonly code: InsightsProblemCode;
}

export type InsightsProblemCode =
  | 'required'
  | 'badDate'
  | 'fromAfterTo'
  | 'rangeTooLong'
  | 'unknownValue'
  | 'outOfRange'
  | 'notAnInteger'
  | 'inPast'
  | 'tooFarAhead'
  | 'tooMany'
  | 'duplicate'
  | 'notAList'
  | 'notAnObject'
  | 'unknownField'
  | 'emptySkill'
  | 'tooLong';

/** The query of `GET …/insights`, as it came off the wire (the service validates it). */
export interface InsightsQuery {
  readonly from?: unknown;
  readonly to?: unknown;
  readonly granularity?: unknown;
}

/** A table ready to be written as CSV: the header row first; every cell plain text (the writer neutralises formulas). */
export interface CsvExport {
  readonly filename: string;
  readonly rows: readonly (readonly string[])[];
}

/** The insights of a team: read by members, some parts by owners only; and the jobs that keep the rollups. */
export interface InsightsService {
  report(actor: PersonRef, teamId: string, query: InsightsQuery): Promise<Outcome<InsightsReport>>;
  /** One table of the report as CSV rows; `quiet` is owners only (else ownersOnly). `locale` words the header. */
  csv(actor: PersonRef, teamId: string, table: unknown, query: InsightsQuery, locale: 'en' | 'nl'): Promise<Outcome<CsvExport>>;
  /**
   * Owners: a private, friendly personal card to a quiet member suggesting an upcoming session that
   * matches what they want to learn. At most once per NUDGE_INTERVAL_DAYS per member (else nudgedRecently);
   * only to a member of the team (else notFound).
   */
  nudge(actor: PersonRef, teamId: string, userId: string): Promise<Outcome<{ readonly nudgedAt: string }>>;
}

/** What the jobs call to keep the rollups (the `foldInsights` outbox job). */
export interface InsightsJobs {
  /**
   * Recomputes the session's fact from its stored RSVPs and feedback and brings its week and month
   * up to date. Idempotent; a cancelled or unknown session removes its fact. Never throws for a
   * session that is gone.
   */
  foldSession(tenantId: string, teamId: string, sessionId: string): Promise<void>;
}

/** Team goals: read by members, set by owners (ownersOnly otherwise). */
export interface GoalService {
  list(actor: PersonRef, teamId: string): Promise<Outcome<{ readonly goals: readonly GoalProgress[]; readonly canEdit: boolean }>>;
  /** Replaces the whole list (ids kept for goals that carry theirs); 400 names each bad field as `goals[i].field`. */
  replace(
    actor: PersonRef,
    teamId: string,
    body: unknown,
  ): Promise<Outcome<{ readonly goals: readonly GoalProgress[]; readonly canEdit: true }>>;
}

/** Pulse surveys: posted by owners to a channel; answered anonymously by members. */
export interface PulseService {
  /** Owners; `channelId` one of the team's known channels (default the General channel); enqueues the card. */
  post(actor: PersonRef, teamId: string, body: unknown): Promise<Outcome<PulseResults>>;
  /**
   * A member's answers to all three questions (1–5 each; else invalid naming `answers.<question>`);
   * once per person (alreadyAnswered), while open (pulseClosed). Answers the count after it.
   */
  answer(actor: PersonRef, teamId: string, pulseId: string, answers: unknown): Promise<Outcome<PulseResults>>;
  /** The latest pulse of the team (undefined when it never had one); scores only from PULSE_MIN_ANSWERS on. */
  latest(actor: PersonRef, teamId: string): Promise<Outcome<PulseResults | undefined>>;
}

export interface MyLearningService {
  /** The caller's own, across their teams; never another person's. */
  learning(actor: PersonRef): Promise<MyLearning>;
}
