import type { SessionDetailResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../api-client';
import { sessionPath } from './rsvp';

export function getSessionDetail(api: ApiClient, teamId: string, sessionId: string, signal?: AbortSignal): Promise<SessionDetailResponse> {
  return api.get<SessionDetailResponse>(sessionPath(teamId, sessionId), signal);
}

/** `DELETE` cancels: the session stays visible, marked cancelled; the answer is the new detail. */
export function cancelSession(api: ApiClient, teamId: string, sessionId: string): Promise<SessionDetailResponse> {
  return api.send<SessionDetailResponse>('DELETE', sessionPath(teamId, sessionId));
}

export function askQuestion(api: ApiClient, teamId: string, sessionId: string, text: string, anonymous: boolean): Promise<unknown> {
  return api.send('POST', `${sessionPath(teamId, sessionId)}/questions`, { text, anonymous });
}
