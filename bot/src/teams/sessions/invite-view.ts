import type { InviteView, InviteViewer } from '../../cards/sessions/session-invite-card';
import type { SessionDetail } from '../../domain/sessions/session-service';
import { timeZoneOf } from '../../domain/sessions/session-service';
import type { SessionLinks } from '../../domain/sessions/session-links';

/** The shared invite data, from a session's detail. */
export async function inviteViewOf(detail: SessionDetail, links: SessionLinks, now: Date): Promise<InviteView> {
  const { session } = detail;
  const names = new Map([...detail.people.values()].map((p) => [p.userId, p.displayName]));
  const recent = [...detail.rsvps]
    .sort((a, b) => b.respondedAt.localeCompare(a.respondedAt))
    .slice(0, 59)
    .map((r) => r.userId);
  return {
    session,
    names,
    timeZone: timeZoneOf(detail.team),
    calendarUrl: await links.calendarUrl(session.tenantId, session.teamId, session.sessionId),
    recentResponders: recent,
    now,
  };
}

export function viewerOf(detail: SessionDetail, userId: string): InviteViewer {
  return {
    userId,
    ...(detail.viewerRsvp ? { rsvp: detail.viewerRsvp } : {}),
    ...(detail.questions ? { questionCount: detail.questions.length } : {}),
  };
}
