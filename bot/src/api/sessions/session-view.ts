import type { NamedPerson } from '../../domain/teams/person-names';
import { isUpcoming } from '../../domain/sessions/session';
import type { LearningSession, Rsvp } from '../../domain/sessions/session';
import type { SessionPerson, SessionSummary } from '../contract';

/** A removed or unknown person still shows as someone, never as an id. */
const UNKNOWN_NAME = '—';

function person(people: ReadonlyMap<string, NamedPerson>, userId: string): SessionPerson {
  return { userId, displayName: people.get(userId)?.displayName || UNKNOWN_NAME };
}

export function toSessionSummary(
  session: LearningSession,
  people: ReadonlyMap<string, NamedPerson>,
  now: Date,
  mine?: Rsvp,
): SessionSummary {
  return {
    sessionId: session.sessionId,
    teamId: session.teamId,
    title: session.title,
    description: session.description,
    skills: session.skills,
    format: session.format,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    ...(session.onlineUrl ? { onlineUrl: session.onlineUrl } : {}),
    ...(session.place ? { place: session.place } : {}),
    capacity: session.capacity,
    status: session.status,
    host: person(people, session.hostId),
    teachers: session.teacherIds.map((id) => person(people, id)),
    ...(session.discussionLeaderId ? { discussionLeader: person(people, session.discussionLeaderId) } : {}),
    going: session.counts.yes,
    maybe: session.counts.maybe,
    upcoming: isUpcoming(session, now),
    ...(mine ? { myResponse: mine.response, ...(mine.waitlisted ? { myWaitlisted: true } : {}) } : {}),
  };
}
