import type { RequestProblem } from '../requests/learning-request';
import type { SessionClosedReason, SessionProblem } from '../sessions/session-rules';
import type { TipProblem } from '../tips/tip';
import type { BuddyProblem } from '../buddies/buddy-service-contract';
import type { InsightsProblem } from '../insights/insights-service-contract';
import type { KudosProblem } from '../kudos/kudos-input';

/** Bad input that is not a form field: each code has an nl/en text for cards and an API code. */
type BadInputCode =
  | 'responseInvalid'
  | 'questionEmpty'
  | 'questionTooLong'
  | 'ratingInvalid'
  | 'kudosSelf'
  | 'kudosNobody'
  | 'kudosTooLong'
  | 'appliedInvalid'
  | 'appliedNoteTooLong';

/**
 * Why an operation was refused: one vocabulary for every service. `subject` names the feature whose
 * texts explain it (each feature has its own nl/en catalogue); `kind` decides the HTTP status.
 */
export type SessionFailure = { readonly subject: 'session' } & (
  | { readonly kind: 'teamUnknown' }
  /** The app was removed from the team (its board, memberships and address are gone until a reinstall). */
  | { readonly kind: 'notInstalled' }
  | { readonly kind: 'notMember' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'invalid'; readonly problems: readonly SessionProblem[] }
  | { readonly kind: 'closed'; readonly reason: SessionClosedReason }
  | { readonly kind: 'notHost' }
  | { readonly kind: 'notAttendee' }
  /** Only a teacher or discussion leader the host named may decline that role. */
  | { readonly kind: 'notNamed' }
  | { readonly kind: 'notEnded' }
  /** The follow-up "did you apply it?" went to who said what they will apply; nobody else answers it. */
  | { readonly kind: 'notAsked' }
  | { readonly kind: 'badInput'; readonly code: BadInputCode }
  /** Planned from a learning request that someone else planned first (`sessionId`: theirs). */
  | { readonly kind: 'requestPlanned'; readonly sessionId?: string }
  /** Planned from a learning request that is closed, unknown, or the planner's own. */
  | { readonly kind: 'requestUnavailable' }
);

export type TipFailure = { readonly subject: 'tip' } & (
  | { readonly kind: 'teamUnknown' }
  | { readonly kind: 'notMember' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'notAllowed' }
  | { readonly kind: 'invalid'; readonly problems: readonly TipProblem[] }
);

export type RequestFailure = { readonly subject: 'request' } & (
  | { readonly kind: 'teamUnknown' }
  | { readonly kind: 'notMember' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'invalid'; readonly problems: readonly RequestProblem[] }
  | { readonly kind: 'notOpen'; readonly status: 'taken' | 'planned' | 'closed' }
  /** Handing back a request nobody took. */
  | { readonly kind: 'notTaken' }
  /** Handing back a request someone else took (only they or a team owner may). */
  | { readonly kind: 'notTaker' }
  | { readonly kind: 'takenByOther' }
  | { readonly kind: 'ownRequest' }
  | { readonly kind: 'notAllowed' }
);

/** Export links (DESIGN F13): expired or altered (`linkInvalid`), or opened by someone signed in as another person (`notYours`). */
export type PrivacyFailure = { readonly subject: 'privacy' } & ({ readonly kind: 'linkInvalid' } | { readonly kind: 'notYours' });

/** Learning buddies (DESIGN F8): a bad preference or cadence names its fields; rounds are seen by owners, answered by their pairs. */
export type BuddyFailure = { readonly subject: 'buddy' } & (
  | { readonly kind: 'teamUnknown' }
  | { readonly kind: 'notInstalled' }
  | { readonly kind: 'notMember' }
  | { readonly kind: 'ownersOnly' }
  | { readonly kind: 'invalid'; readonly problems: readonly BuddyProblem[] }
  | { readonly kind: 'noRound' }
  | { readonly kind: 'notInRound' }
);

/**
 * Insights, goals, pulses and nudges (DESIGN F10, issue #14): a bad query or goal names its fields;
 * owner-only parts are refused to members; a pulse takes one answer per person while it is open.
 */
export type InsightsFailure = { readonly subject: 'insights' } & (
  | { readonly kind: 'teamUnknown' }
  | { readonly kind: 'notInstalled' }
  | { readonly kind: 'notMember' }
  | { readonly kind: 'ownersOnly' }
  | { readonly kind: 'invalid'; readonly problems: readonly InsightsProblem[] }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'alreadyAnswered' }
  | { readonly kind: 'pulseClosed' }
  | { readonly kind: 'nudgedRecently'; readonly nudgedAt: string }
);

/** Kudos given from the tab (issue #12): a bad form names its fields; only the team's members thank in it. */
export type KudosFailure = { readonly subject: 'kudos' } & (
  | { readonly kind: 'teamUnknown' }
  | { readonly kind: 'notInstalled' }
  | { readonly kind: 'notMember' }
  | { readonly kind: 'invalid'; readonly problems: readonly KudosProblem[] }
);

export type Failure = SessionFailure | TipFailure | RequestFailure | PrivacyFailure | BuddyFailure | InsightsFailure | KudosFailure;

/** The one result type of the domain services: a value, or why not. */
export type Result<T, F extends Failure = Failure> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: F };

/** A failure without its subject, as a service writes it; `failWith` adds the subject. */
export type Reason<F extends Failure> = F extends unknown ? Omit<F, 'subject'> : never;

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

/** The `fail` of one service: `const fail = failWith<TipFailure>('tip')`. */
export const failWith =
  <F extends Failure>(subject: F['subject']) =>
  (reason: Reason<F>): { readonly ok: false; readonly failure: F } => ({ ok: false, failure: { ...reason, subject } as F });
