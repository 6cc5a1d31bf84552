import type { Rsvp } from '../sessions/session';

/** Who answered when: all the invite card needs of an answer to list its responder for Teams' refresh. */
export type RecentResponder = Pick<Rsvp, 'userId' | 'respondedAt'>;

/** How many recent responders get Teams' automatic refresh of the invite (with the host: at most 60). */
const RECENT_RESPONDERS = 59;

/**
 * The people who answered last, newest first; equal times by user id (code-unit order), so the
 * list never depends on the order storage returned the rows in. The session's RSVP tally keeps this
 * list up to date with every answer, so an answer's card needs no read of everyone's rows.
 */
export function recentResponders(rows: Iterable<RecentResponder>, limit = RECENT_RESPONDERS): RecentResponder[] {
  return [...rows]
    .map(({ userId, respondedAt }) => ({ userId, respondedAt }))
    .sort((a, b) => (a.respondedAt === b.respondedAt ? compareIds(a.userId, b.userId) : a.respondedAt < b.respondedAt ? 1 : -1))
    .slice(0, limit);
}

/**
 * The list after some answers: their new times replace the old ones of the same people. Exactly the
 * list of all rows as long as a changed answer never moves back in time (respondedAt is the answer's
 * time, so a new answer is at least as recent as the one it replaces).
 */
export function withAnswers(recent: readonly RecentResponder[], answers: readonly RecentResponder[], limit = RECENT_RESPONDERS) {
  const byUser = new Map(recent.map((r) => [r.userId, r]));
  for (const a of answers) byUser.set(a.userId, a);
  return recentResponders(byUser.values(), limit);
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
