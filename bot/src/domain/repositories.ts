import type { MemberProfile } from './member';
import type { Feedback, LearningSession, Rsvp, RsvpResponse } from './session';
import type { Kudos, SessionQuestion } from './session-extras';
import type { Membership, Team, Tenant } from './team';

/** Thrown by repositories when storage cannot be reached; the HTTP layer maps it to 503. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/** Thrown when an operation needs a row that does not exist (e.g. an RSVP to an unknown session). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** Thrown when an ETag-guarded update kept losing the race after every retry. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
}

export interface TenantRepository {
  get(tenantId: string): Promise<Tenant | undefined>;
  upsert(tenant: Tenant): Promise<void>;
}

export interface TeamRepository {
  get(tenantId: string, teamId: string): Promise<Team | undefined>;
  upsert(team: Team): Promise<void>;
  listForTenant(tenantId: string): Promise<Team[]>;
  addMembers(memberships: readonly Membership[]): Promise<void>;
  listMembers(tenantId: string, teamId: string): Promise<Membership[]>;
  listTeamsOf(tenantId: string, userId: string): Promise<Membership[]>;
}

export interface MemberRepository {
  get(tenantId: string, userId: string): Promise<MemberProfile | undefined>;
  /** Creates or replaces the whole profile. */
  put(profile: MemberProfile): Promise<void>;
  putMany(profiles: readonly MemberProfile[]): Promise<void>;
  /** Read-modify-write under the row's ETag, retried on 412. `change` returns undefined to leave the row alone. */
  update(
    tenantId: string,
    userId: string,
    change: (current: MemberProfile | undefined) => MemberProfile | undefined,
  ): Promise<MemberProfile | undefined>;
  listForTenant(tenantId: string): Promise<MemberProfile[]>;
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
}

/** The stored answer, the session with its new counts, and who got a place from the waitlist, if anyone. */
export interface RsvpOutcome {
  readonly session: LearningSession;
  readonly rsvp: Rsvp;
  readonly promoted?: Rsvp;
}

export interface RsvpRepository {
  get(tenantId: string, sessionId: string, userId: string): Promise<Rsvp | undefined>;
  listForSession(tenantId: string, sessionId: string): Promise<Rsvp[]>;
  /** Every answer of one person in the tenant (an index kept beside the session's rows), newest first. */
  listForUser(tenantId: string, userId: string): Promise<Rsvp[]>;
  /** Stores the answer and moves the session's counts under its ETag; no lost updates. */
  respond(
    session: Pick<LearningSession, 'tenantId' | 'teamId' | 'sessionId'>,
    userId: string,
    response: RsvpResponse,
    now: Date,
  ): Promise<RsvpOutcome>;
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
  put(feedback: Feedback): Promise<void>;
  putMany(feedback: readonly Feedback[]): Promise<void>;
}

/** Questions to a session's host (issue 3). */
export interface QuestionRepository {
  add(question: SessionQuestion): Promise<void>;
  listForSession(tenantId: string, sessionId: string): Promise<SessionQuestion[]>;
}

/** Kudos of a team (issue 3). */
export interface KudosRepository {
  add(kudos: Kudos): Promise<void>;
  get(tenantId: string, teamId: string, kudosId: string): Promise<Kudos | undefined>;
  listForTeam(tenantId: string, teamId: string): Promise<Kudos[]>;
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
  /** Cheap round trip used by /healthz. */
  ping(): Promise<void>;
}
