import type { InviteView, InviteViewer } from '../../cards/sessions/session-invite-card';
import type { SessionCardView } from '../../domain/sessions/session-card-view';
import { timeZoneOf } from '../../domain/sessions/session-service';
import type { SessionLinks } from '../../domain/sessions/session-links';

/** The shared invite data, from a session's card view. */
export async function inviteViewOf(view: SessionCardView, links: SessionLinks, now: Date): Promise<InviteView> {
  const { session } = view;
  const names = new Map([...view.people.values()].map((p) => [p.userId, p.displayName]));
  return {
    session,
    names,
    timeZone: timeZoneOf(view.team),
    calendarUrl: await links.calendarUrl(session.tenantId, session.teamId, session.sessionId),
    recentResponders: view.recentResponders,
    now,
  };
}

export function viewerOf(view: SessionCardView, userId: string): InviteViewer {
  return {
    userId,
    ...(view.viewerRsvp ? { rsvp: view.viewerRsvp } : {}),
    ...(view.questions ? { questionCount: view.questions.length } : {}),
  };
}
