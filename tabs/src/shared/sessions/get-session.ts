import type { SessionChangeResponse, SessionChangeScope, SessionDetailResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../api-client';
import { sessionPath } from './rsvp';

export function getSessionDetail(api: ApiClient, teamId: string, sessionId: string, signal?: AbortSignal): Promise<SessionDetailResponse> {
  return api.get<SessionDetailResponse>(sessionPath(teamId, sessionId), signal);
}

/**
 * `DELETE` cancels: the session stays visible, marked cancelled; the answer is the new detail and how
 * many sessions were cancelled (`following`: this one and every later one of its series).
 */
export function cancelSession(
  api: ApiClient,
  teamId: string,
  sessionId: string,
  scope: SessionChangeScope = 'one',
): Promise<SessionChangeResponse> {
  return api.send<SessionChangeResponse>('DELETE', scopedSessionPath(teamId, sessionId, scope));
}

/** The session's path, with `?scope=following` when the change reaches the later sessions of its series. */
export function scopedSessionPath(teamId: string, sessionId: string, scope: SessionChangeScope): string {
  return scope === 'following' ? `${sessionPath(teamId, sessionId)}?scope=following` : sessionPath(teamId, sessionId);
}

export function askQuestion(api: ApiClient, teamId: string, sessionId: string, text: string, anonymous: boolean): Promise<unknown> {
  return api.send('POST', `${sessionPath(teamId, sessionId)}/questions`, { text, anonymous });
}
