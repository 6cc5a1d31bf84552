import type { PersonRef } from '../shared/person';
import type { BuddyFailure, Result } from '../shared/result';
import type { BuddyAvailability, BuddyCadence, BuddyPoolId, BuddyReason, MetAnswer } from './buddy';

/** A field of a preference or cadence change that was refused, and why (the API's `error.fields`, the card's message). */
export interface BuddyProblem {
  /** `optIn`, `skipNext`, `availability.days`, `availability.modes`, `acrossOrganisation`, `cadence.everyWeeks`, `cadence.weekday`, `cadence.time`, `answer`, `body`. */
  readonly field: string;
  readonly code: 'notBoolean' | 'notAList' | 'empty' | 'unknownValue' | 'outOfRange' | 'badTime' | 'unknownField' | 'notAnObject';
}

/** What a person changes about their own participation; absent fields stay as they are. */
export interface BuddyChange {
  readonly optIn?: boolean;
  readonly skipNext?: boolean;
  readonly availability?: BuddyAvailability;
  readonly acrossOrganisation?: boolean;
}

/** Someone in a buddy view, with the name their profile holds ('' without one). */
export interface BuddyPerson {
  readonly userId: string;
  readonly displayName: string;
  /** In an introduction only, when their profile has one: the attendee of the "plan a 30-minute chat" meeting link. */
  readonly email?: string;
}

/** The caller's pair in a pool's latest round. */
export interface MyBuddy {
  readonly poolId: BuddyPoolId;
  readonly roundId: string;
  readonly startedAt: string;
  readonly endsAt: string;
  readonly buddies: readonly BuddyPerson[];
  readonly reason: BuddyReason;
  readonly firstTopic?: string;
  readonly myAnswer?: MetAnswer;
}

/** A person's participation in one team (and the tenant pool). */
export interface BuddyStatus {
  readonly teamId: string;
  readonly optIn: boolean;
  readonly skipNext: boolean;
  readonly availability: BuddyAvailability;
  readonly acrossOrganisation: boolean;
  readonly cadence?: BuddyCadence;
  readonly nextRoundAt?: string;
  readonly current: readonly MyBuddy[];
}

export interface BuddyCadenceStatus {
  readonly cadence: BuddyCadence | null;
  readonly nextRoundAt?: string;
  readonly timeZone: string;
  readonly canEdit: boolean;
}

/** A round as its viewer may see it: owners everything, a member only their own pair. */
export interface BuddyRoundView {
  readonly roundId: string;
  readonly startedAt: string;
  readonly endsAt: string;
  readonly pairs: readonly {
    readonly members: readonly BuddyPerson[];
    readonly reason: BuddyReason;
    readonly firstTopic?: string;
    /** Owners only. */
    readonly answers?: Readonly<Record<string, MetAnswer>>;
  }[];
  /** Owners only. */
  readonly leftOver?: readonly BuddyPerson[];
  readonly skipped?: readonly BuddyPerson[];
  readonly history?: readonly {
    readonly roundId: string;
    readonly startedAt: string;
    readonly pairs: number;
    readonly people: number;
    readonly met: number;
    readonly skipped: number;
  }[];
}

/**
 * Learning buddies (DESIGN F8): what the API, the bot's commands and card verbs and the tab call.
 * Every method checks who may do it: members of the team for their own state, owners for the cadence,
 * starting a round and the whole round view; only people of a pair answer "did you meet?".
 */
export interface BuddyService {
  status(actor: PersonRef, teamId: string): Promise<Result<BuddyStatus, BuddyFailure>>;
  update(actor: PersonRef, teamId: string, change: BuddyChange): Promise<Result<BuddyStatus, BuddyFailure>>;
  cadence(actor: PersonRef, teamId: string): Promise<Result<BuddyCadenceStatus, BuddyFailure>>;
  setCadence(actor: PersonRef, teamId: string, cadence: BuddyCadence | null): Promise<Result<BuddyCadenceStatus, BuddyFailure>>;
  /** Owners: a round now (queued; two starts at once make one round). */
  startRound(actor: PersonRef, teamId: string): Promise<Result<{ readonly roundId: string }, BuddyFailure>>;
  /** The team's latest round as the actor may see it; undefined before the first round. */
  latestRound(actor: PersonRef, teamId: string): Promise<Result<BuddyRoundView | undefined, BuddyFailure>>;
  /** `poolId` is the team id or ORGANISATION_POOL (the card of a tenant-pool pair carries it). */
  answerMet(actor: PersonRef, poolId: BuddyPoolId, roundId: string, answer: MetAnswer): Promise<Result<MetAnswer, BuddyFailure>>;
}

/** One person's introduction in a round: who their buddies are and why, in their own language. */
export interface BuddyIntroduction {
  readonly tenantId: string;
  readonly poolId: BuddyPoolId;
  readonly roundId: string;
  readonly userId: string;
  readonly locale: 'en' | 'nl';
  /** The team's name; absent for the tenant pool. */
  readonly teamName?: string;
  readonly timeZone: string;
  readonly buddies: readonly BuddyPerson[];
  readonly reason: BuddyReason;
  readonly firstTopic?: string;
  /** How the pair's own profiles write the reason's skill keys (`changemanagement` → "Change management"). */
  readonly skillNames?: Readonly<Record<string, string>>;
  readonly endsAt: string;
  /** Their answer so far (a check-in card shows it). */
  readonly myAnswer?: MetAnswer;
}

/**
 * What the outbox's jobs read (the job composer turns it into cards). `runRound` computes the round
 * once (a retried or concurrent job reads the stored one), schedules its check-in and answers one
 * introduction per person paired; `checkIns` answers the people of a round who have not said "yes" or "wont".
 */
export interface BuddyRoundJobs {
  runRound(job: {
    readonly tenantId: string;
    readonly poolId: BuddyPoolId;
    readonly roundId: string;
  }): Promise<readonly BuddyIntroduction[]>;
  checkIns(job: {
    readonly tenantId: string;
    readonly poolId: BuddyPoolId;
    readonly roundId: string;
  }): Promise<readonly BuddyIntroduction[]>;
}
