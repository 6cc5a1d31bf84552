import type { SessionFact } from '../insights/insights';
import type { Kudos } from '../kudos/kudos';
import type { CountedEvent, Milestone } from './milestones';

/** A milestone the person's count has reached, with the event that reached it (the nth, oldest first). */
export interface Reached {
  readonly milestone: Milestone;
  readonly event: CountedEvent;
}

/**
 * Sessions taught and attended per person, from the team's session facts: the same facts and the
 * same roles Insights sums (teachers: host and co-teachers; attendees: a confirmed yes, not a teacher).
 */
export function sessionEventsOf(facts: readonly SessionFact[], userId: string): Record<'taught' | 'attended', CountedEvent[]> {
  const taught: CountedEvent[] = [];
  const attended: CountedEvent[] = [];
  for (const fact of facts) {
    const event = { sourceId: fact.sessionId, at: fact.startsAt };
    if (fact.teacherIds.includes(userId)) taught.push(event);
    else if (fact.attendeeIds.includes(userId)) attended.push(event);
  }
  return { taught, attended };
}

/** The kudos a person received in the team. */
export function kudosEventsOf(kudos: readonly Kudos[], userId: string): CountedEvent[] {
  return kudos.filter((k) => k.toUserId === userId).map((k) => ({ sourceId: k.kudosId, at: k.createdAt }));
}
