export const SESSION_FORMATS = ['talk', 'workshop', 'pair', 'lunchAndLearn', 'demo', 'qa'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];

type SessionStatus = 'scheduled' | 'cancelled';

export const RSVP_RESPONSES = ['yes', 'maybe', 'no'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

export interface RsvpCounts {
  /** Confirmed places (never more than the capacity). */
  readonly yes: number;
  readonly maybe: number;
  readonly no: number;
  /** "Yes" answers beyond the capacity, in line for a place; absent in rows written before waitlists. */
  readonly waitlisted?: number;
}

export const RECURRENCES = ['none', 'weekly', 'biweekly', 'monthly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export interface LearningSession {
  readonly tenantId: string;
  readonly teamId: string;
  readonly sessionId: string;
  readonly title: string;
  readonly description: string;
  readonly skills: readonly string[];
  readonly format: SessionFormat;
  /** ISO 8601, UTC. */
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly onlineUrl?: string;
  readonly place?: string;
  /** null: no limit. */
  readonly capacity: number | null;
  readonly channelId?: string;
  readonly hostId: string;
  readonly teacherIds: readonly string[];
  readonly discussionLeaderId?: string;
  readonly status: SessionStatus;
  readonly openToOrganisation: boolean;
  readonly counts: RsvpCounts;
  /** The occurrences of one recurring series share this id; absent for a one-off session. */
  readonly seriesId?: string;
  readonly recurrence?: Recurrence;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Rsvp {
  readonly tenantId: string;
  readonly teamId: string;
  readonly sessionId: string;
  readonly userId: string;
  readonly response: RsvpResponse;
  readonly respondedAt: string;
  /** A "yes" beyond the capacity: in line for a place, first come first served by `respondedAt`. */
  readonly waitlisted?: boolean;
}

export interface Feedback {
  readonly tenantId: string;
  readonly teamId: string;
  readonly sessionId: string;
  readonly userId: string;
  /** 1–5; private to the host, never shown or ranked elsewhere. */
  readonly rating: number;
  readonly learnedSomethingNew: boolean;
  readonly willApply: string;
  readonly submittedAt: string;
  /** The answer to the follow-up two weeks after the session ("did you apply it?"); the latest answer only. */
  readonly applied?: AppliedAnswer;
}

/** How far someone got with what they meant to apply (issue #12); private to them and the host, like the rest of the feedback. */
export const APPLIED_ANSWERS = ['yes', 'partly', 'notYet'] as const;
type AppliedLevel = (typeof APPLIED_ANSWERS)[number];

interface AppliedAnswer {
  readonly level: AppliedLevel;
  /** One optional line; empty when none. */
  readonly note: string;
  readonly answeredAt: string;
}

/** The follow-up is asked this long after the session's end. */
export const APPLIED_FOLLOW_UP_DAYS = 14;
export const APPLIED_NOTE_MAX = 200;

export function sessionEndsAt(session: Pick<LearningSession, 'startsAt' | 'durationMinutes'>): Date {
  return new Date(Date.parse(session.startsAt) + session.durationMinutes * 60_000);
}

/**
 * When a session runs and whether it was cancelled, all the board orders and counts its sessions by, and
 * whom it names: the board reads the page's names while it reads the page's rows, not after them.
 */
export type SessionTiming = Pick<
  LearningSession,
  'sessionId' | 'startsAt' | 'durationMinutes' | 'status' | 'hostId' | 'teacherIds' | 'discussionLeaderId'
>;

export function isUpcoming(session: Pick<LearningSession, 'startsAt' | 'durationMinutes' | 'status'>, now: Date): boolean {
  return session.status === 'scheduled' && sessionEndsAt(session).getTime() > now.getTime();
}

/** Upcoming first by start time; then past sessions, most recent first. */
export function compareForBoard(now: Date) {
  return (a: LearningSession, b: LearningSession): number => {
    const ua = isUpcoming(a, now);
    const ub = isUpcoming(b, now);
    if (ua !== ub) return ua ? -1 : 1;
    const d = Date.parse(a.startsAt) - Date.parse(b.startsAt);
    return ua ? d : -d;
  };
}

export function countsAfterChange(counts: RsvpCounts, previous: RsvpResponse | undefined, next: RsvpResponse): RsvpCounts {
  const result = { ...counts };
  if (previous) result[previous] = Math.max(0, result[previous] - 1);
  result[next] += 1;
  return result;
}

/**
 * The host teaches their own session already: listed as co-teacher too, they would show twice and count twice.
 * Rows stored before the rule may still list them; they read as host only.
 */
export const coTeachersOf = (hostId: string, teacherIds: readonly string[]): string[] => teacherIds.filter((id) => id !== hostId);

/** A role the host gives someone else in a session: they are told, and may decline it. */
export type NamedRole = 'teacher' | 'leader';

/** The person's named role in the session (teacher first, when they are both), if any. */
export function namedRoleOf(session: Pick<LearningSession, 'teacherIds' | 'discussionLeaderId'>, userId: string): NamedRole | undefined {
  if (session.teacherIds.includes(userId)) return 'teacher';
  return session.discussionLeaderId === userId ? 'leader' : undefined;
}

/** Those the session names (teachers, discussion leader) other than its host, each once, with their role. */
export function namedPeople(session: LearningSession): { readonly userId: string; readonly role: NamedRole }[] {
  const ids = new Set([...session.teacherIds, ...(session.discussionLeaderId ? [session.discussionLeaderId] : [])]);
  ids.delete(session.hostId);
  return [...ids].map((userId) => ({ userId, role: namedRoleOf(session, userId) ?? 'teacher' }));
}
