import type { RsvpRequest, RsvpResponseBody } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../api-client';
import type { BoardSession, RsvpAnswer } from './board-session';

export function sessionPath(teamId: string, sessionId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/sessions/${encodeURIComponent(sessionId)}`;
}

export function putRsvp(api: ApiClient, teamId: string, sessionId: string, response: RsvpAnswer): Promise<RsvpResponseBody> {
  const body: RsvpRequest = { response };
  return api.send<RsvpResponseBody>('PUT', `${sessionPath(teamId, sessionId)}/rsvp`, body);
}

/** What the board shows the moment someone answers, before the service confirms it. */
export function withAnswer(session: BoardSession, answer: RsvpAnswer): BoardSession {
  const previous = session.myRsvp ?? undefined;
  if (previous === answer) return session;
  let { going, maybe } = session;
  // A waitlisted "yes" was never counted as going.
  if (previous === 'yes' && !session.waitlisted) going = Math.max(0, going - 1);
  if (previous === 'maybe') maybe = Math.max(0, maybe - 1);
  if (answer === 'yes') going += 1;
  if (answer === 'maybe') maybe += 1;
  const { waitlistPosition: _place, ...rest } = session;
  return { ...rest, going, maybe, myRsvp: answer, waitlisted: false };
}

/** The service's word: its counts (others answered too) and whether a "yes" waits in line. */
export function withConfirmed(session: BoardSession, confirmed: RsvpResponseBody): BoardSession {
  const { waitlistPosition: _before, ...rest } = session;
  return {
    ...rest,
    going: confirmed.going,
    maybe: confirmed.maybe,
    myRsvp: confirmed.response,
    waitlisted: confirmed.waitlisted,
    ...(confirmed.waitlistPosition ? { waitlistPosition: confirmed.waitlistPosition } : {}),
  };
}
