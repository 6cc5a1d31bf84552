import type { MemberProfile } from '../experts/member';
import type { Feedback, LearningSession, Rsvp, RsvpResponse, SessionTiming } from '../sessions/session';
import type { Kudos } from '../kudos/kudos';
import type { SessionQuestion } from '../sessions/session-question';
import type { Membership, Team, Tenant } from '../teams/team';
import type { Tip } from '../tips/tip';
import type { LearningRequest, LearningRequestVote } from '../requests/learning-request';
import type { TeamSkillRepository } from '../experts/team-skills';
import type { BuddyRepositories } from '../buddies/buddy-repositories';
import type { SkillHistoryRepository } from '../insights/skill-history';
import type { NudgeRepository } from '../insights/nudges';
import type { RequestAlertClaimRepository } from '../requests/request-alerts';
import type { GoalRepository, PulseRepository } from '../insights/goal-pulse-repositories';
import type { InsightsBookkeeping, InsightsRepository } from '../insights/insights-repositories';
import type { MilestoneRepository } from '../milestones/milestones';

export { ConcurrencyError, InvalidCursorError, NotFoundError, StorageUnavailableError } from './storage-errors';

export interface TenantRepository {
  get(tenantId: string): Promise<Tenant | undefined>;
  upsert(tenant: Tenant): Promise<void>;
}

export interface TeamRepository {
  get(tenantId: string, teamId: string): Promise<Team | undefined>;
  upsert(team: Team): Promise<void>;
  /** Read-modify-write under the row's ETag, retried on 412; creates the row when missing. `change` returns undefined to leave it alone. */
  update(tenantId: string, teamId: string, change: (current: Team | undefined) => Team | undefined): Promise<Team | undefined>;
  listForTenant(tenantId: string): Promise<Team[]>;
  addMembers(memberships: readonly Membership[]): Promise<void>;
  removeMembers(tenantId: string, teamId: string, userIds: readonly string[]): Promise<void>;
  /** Every membership of the team (both rows of each), in batches, until `stop` says so; idempotent. Answers how many it removed. */
  removeAllMembers(tenantId: string, teamId: string, stop?: () => Promise<boolean>): Promise<number>;
  listMembers(tenantId: string, teamId: string): Promise<Membership[]>;
  listTeamsOf(tenantId: string, userId: string): Promise<Membership[]>;
  /**
   * The team's own membership rows of these people (in the team's partition, 12 to a query, each query
   * bounded by its people's key range: storage-table.ts `getRows`); people who are not members are left out.
   */
  membershipsIn(tenantId: string, teamId: string, userIds: readonly string[]): Promise<Membership[]>;
}

export interface MemberRepository {
  get(tenantId: string, userId: string): Promise<MemberProfile | undefined>;
  /** Creates or replaces the whole profile. */
  put(profile: MemberProfile): Promise<void>;
  putMany(profiles: readonly MemberProfile[]): Promise<void>;
  /**
   * Creates new profiles of one tenant, all or none (one transaction per 100): false, and nothing
   * written, when any of them exists already (someone else created it first).
   */
  createMany(profiles: readonly MemberProfile[]): Promise<boolean>;
  /** Read-modify-write under the row's ETag, retried on 412. `change` returns undefined to leave the row alone. */
  update(
    tenantId: string,
    userId: string,
    change: (current: MemberProfile | undefined) => MemberProfile | undefined,
  ): Promise<MemberProfile | undefined>;
  listForTenant(tenantId: string): Promise<MemberProfile[]>;
  /** Every profile of a tenant, a page at a time (the expert index of 100,000 people never holds them all at once). */
  forEachInTenant(tenantId: string, onPage: (profiles: readonly MemberProfile[]) => void): Promise<void>;
  /** Several profiles in one round trip per few dozen ids (names for a list); unknown ids are left out. */
  getMany(tenantId: string, userIds: readonly string[]): Promise<MemberProfile[]>;
}

export interface SessionRepository {
  get(tenantId: string, teamId: string, sessionId: string): Promise<LearningSession | undefined>;
  create(session: LearningSession): Promise<void>;
  putMany(sessions: readonly LearningSession[]): Promise<void>;
  update(
    tenantId: string,
    teamId: string,
    sessionId: string,
    change: (current: LearningSession) => LearningSession | undefined,
  ): Promise<LearningSession | undefined>;
  listForTeam(tenantId: string, teamId: string): Promise<LearningSession[]>;
  /** Sessions starting at or after `fromIso` (an ISO time); filtered by the storage service, not here. */
  listForTeamStartingFrom(tenantId: string, teamId: string, fromIso: string): Promise<LearningSession[]>;
  /**
   * The same sessions as `listForTeamStartingFrom`, their timing and whom they name only (a few columns, not the whole row):
   * the board orders and counts a team's ~250 upcoming sessions by it, then reads the page's rows whole.
   */
  listTimingsStartingFrom(tenantId: string, teamId: string, fromIso: string): Promise<SessionTiming[]>;
  /** Sessions starting from `fromIso` up to and including `toIso` (ISO times); filtered by the storage service. */
  listForTeamStartingBetween(tenantId: string, teamId: string, fromIso: string, toIso: string): Promise<LearningSession[]>;
  /**
   * The tenant's sessions open to the whole organisation that start at or after `fromIso`, soonest
   * first, from an index kept beside the rows: one partition read whatever the number of teams. The
   * index may name a session that is no longer open (a write cut short): read the session to be sure.
   */
  listOpenToOrganisation(tenantId: string, fromIso: string): Promise<OpenSessionRef[]>;
  /** Whether the team has any session that started before `beforeIso`; reads at most a key. */
  hasStartedBefore(tenantId: string, teamId: string, beforeIso: string): Promise<boolean>;
}

/** A session in the tenant's "open to everyone" index. */
export interface OpenSessionRef {
  readonly teamId: string;
  readonly sessionId: string;
  readonly startsAt: string;
  readonly title: string;
  readonly skills: readonly string[];
}

/** The stored answer, the session with its new counts, and who got a place from the waitlist, if anyone. */
export interface RsvpOutcome {
  readonly session: LearningSession;
  readonly rsvp: Rsvp;
  readonly promoted?: Rsvp;
  /** The people who answered last, newest first, as the tally holds them after this answer (see `recentResponders`). */
  readonly recentResponders: readonly string[];
}

/** One person's answer, as `respond` takes it. */
export interface RsvpAnswer {
  readonly userId: string;
  readonly response: RsvpResponse;
  readonly now: Date;
}

/**
 * Answers per group commit: one transaction holds at most 100 operations, and each answer needs its
 * own row plus at most one promoted person's row, beside the tally row (1 + 2 × 40 = 81).
 */
export const RSVP_ANSWERS_PER_COMMIT = 40;

export interface RsvpRepository {
  get(tenantId: string, sessionId: string, userId: string): Promise<Rsvp | undefined>;
  listForSession(tenantId: string, sessionId: string): Promise<Rsvp[]>;
  /** Every answer of one person in the tenant (an index kept beside the session's rows), newest first. */
  listForUser(tenantId: string, userId: string): Promise<Rsvp[]>;
  /**
   * The people who answered last, newest first (at most RECENT_RESPONDERS), from the session's tally
   * row: one read, whatever the number of answers (an RSVP burst must not read every row per answer).
   */
  recentResponders(tenantId: string, sessionId: string): Promise<string[]>;
  /** Stores the answer and moves the session's counts under its ETag; no lost updates. */
  respond(
    session: Pick<LearningSession, 'tenantId' | 'teamId' | 'sessionId'>,
    userId: string,
    response: RsvpResponse,
    now: Date,
  ): Promise<RsvpOutcome>;
  /**
   * Group commit: up to RSVP_ANSWERS_PER_COMMIT answers to one session in one entity-group
   * transaction, applied in the given order exactly as `respond` one by one would (capacity,
   * waitlist, promotion; a later answer of the same person wins). One outcome per answer, in order,
   * each with the session as it stands after the whole batch. A failure fails every answer.
   */
  respondMany(session: Pick<LearningSession, 'tenantId' | 'teamId' | 'sessionId'>, answers: readonly RsvpAnswer[]): Promise<RsvpOutcome[]>;
  /**
   * After the capacity grew: gives the freed places to those waiting, first come first served,
   * under the same ETag rules as `respond`. Lowering a capacity never takes a place away.
   */
  promoteWaiting(
    session: Pick<LearningSession, 'tenantId' | 'teamId' | 'sessionId'>,
  ): Promise<{ readonly session: LearningSession; readonly promoted: readonly Rsvp[] }>;
  putMany(rsvps: readonly Rsvp[]): Promise<void>;
}

export interface FeedbackRepository {
  listForSession(tenantId: string, sessionId: string): Promise<Feedback[]>;
  /** One person's answer to one session (a point read: My learning never reads other people's answers). */
  get(tenantId: string, sessionId: string, userId: string): Promise<Feedback | undefined>;
  put(feedback: Feedback): Promise<void>;
  putMany(feedback: readonly Feedback[]): Promise<void>;
}

/** Questions to a session's host. */
export interface QuestionRepository {
  add(question: SessionQuestion): Promise<void>;
  listForSession(tenantId: string, sessionId: string): Promise<SessionQuestion[]>;
}

/** Kudos of a team. */
export interface KudosRepository {
  add(kudos: Kudos): Promise<void>;
  get(tenantId: string, teamId: string, kudosId: string): Promise<Kudos | undefined>;
  listForTeam(tenantId: string, teamId: string): Promise<Kudos[]>;
}

/** A team's learning requests and every +1 on them (DESIGN F7). */
export interface TeamLearningRequests {
  readonly requests: readonly LearningRequest[];
  readonly votes: readonly LearningRequestVote[];
}

/** Learning requests (DESIGN F7): a request and its votes share one partition, so a vote and the count move together. */
export interface LearningRequestRepository {
  /**
   * Stores the request with its author's vote. When the team already has an open request for the
   * same skill, nothing is written and that one comes back (`created: false`), also under a race.
   */
  create(request: LearningRequest): Promise<{ readonly created: boolean; readonly request: LearningRequest }>;
  get(tenantId: string, teamId: string, requestId: string): Promise<LearningRequest | undefined>;
  /** Every request of the team (any status) and every vote, in one partition read. */
  listForTeam(tenantId: string, teamId: string): Promise<TeamLearningRequests>;
  hasVoted(tenantId: string, teamId: string, requestId: string, userId: string): Promise<boolean>;
  /**
   * +1 (`wants`) or take it back: the vote row and the request's count change in one transaction
   * under the request's ETag, retried on 412. Idempotent per person; a request that is not open is
   * left alone. NotFoundError for an unknown request.
   */
  vote(
    tenantId: string,
    teamId: string,
    requestId: string,
    userId: string,
    wants: boolean,
    now: Date,
  ): Promise<{ readonly request: LearningRequest; readonly voted: boolean }>;
  /** Read-change-write under the ETag; `change` returns undefined to leave the row alone. Undefined when unknown. */
  update(
    tenantId: string,
    teamId: string,
    requestId: string,
    change: (current: LearningRequest) => LearningRequest | undefined,
  ): Promise<LearningRequest | undefined>;
  /** Seeding: rows written as given (counts are the caller's to get right). */
  putMany(requests: readonly LearningRequest[], votes: readonly LearningRequestVote[]): Promise<void>;
}

/** One page of a team's tips, newest first; `cursor` continues after the last one. */
export interface TipPage {
  readonly tips: readonly Tip[];
  readonly cursor?: string;
}

/** Tips and training material of a team (DESIGN F9). */
export interface TipRepository {
  add(tip: Tip): Promise<void>;
  get(tenantId: string, teamId: string, tipId: string): Promise<Tip | undefined>;
  remove(tip: Pick<Tip, 'tenantId' | 'teamId' | 'tipId' | 'createdAt'>): Promise<void>;
  /** Newest first, only tips `matches` accepts; throws InvalidCursorError for a cursor it did not make. */
  list(
    tenantId: string,
    teamId: string,
    options: { readonly limit: number; readonly cursor?: string; readonly matches?: (tip: Tip) => boolean },
  ): Promise<TipPage>;
}

export interface Repositories {
  readonly tenants: TenantRepository;
  readonly teams: TeamRepository;
  readonly members: MemberRepository;
  readonly sessions: SessionRepository;
  readonly rsvps: RsvpRepository;
  readonly feedback: FeedbackRepository;
  readonly questions: QuestionRepository;
  readonly kudos: KudosRepository;
  readonly tips: TipRepository;
  readonly learningRequests: LearningRequestRepository;
  /** Learning buddies (DESIGN F8): preferences, rounds, answers and schedules. */
  readonly buddies: BuddyRepositories;
  /** My learning (issue #14): each change of a person's teach skills. */
  readonly skillHistory: SkillHistoryRepository;
  /** Insights (issue #14): the last nudge of each quiet member. */
  readonly nudges: NudgeRepository;
  /** Team goals (DESIGN F10). */
  readonly goals: GoalRepository;
  /** Pulse surveys (DESIGN F5): pulses and their anonymous answer markers. */
  readonly pulses: PulseRepository;
  /** Insights (DESIGN F10): session facts and week/month rollups per team. */
  readonly insights: InsightsRepository & InsightsBookkeeping;
  /** Milestones (issue #12): one claim per (team, person, milestone). */
  readonly milestones: MilestoneRepository;
  /** Learning requests (issue #12): the one alert a teacher gets per day about new requests. */
  readonly requestAlerts: RequestAlertClaimRepository;
  /** The team taxonomy (issue #12): each team's own skills, added when someone confirms a new one. */
  readonly teamSkills: TeamSkillRepository;
  /** Cheap round trip used by /healthz. */
  ping(): Promise<void>;
}
