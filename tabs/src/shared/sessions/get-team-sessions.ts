import type { TeamSessionsResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../api-client';
import type { BoardSession } from './board-session';

export interface TeamBoardData extends Omit<TeamSessionsResponse, 'sessions'> {
  readonly sessions: readonly BoardSession[];
}

/** The team's sessions, each with the caller's own answer, so the RSVP buttons start pressed right. */
export async function getTeamSessions(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<TeamBoardData> {
  const body = await api.get<TeamSessionsResponse>(`/api/v1/teams/${encodeURIComponent(teamId)}/sessions`, signal);
  return {
    ...body,
    sessions: body.sessions.map((s) => ({ ...s, myRsvp: s.myResponse ?? null, waitlisted: s.myWaitlisted ?? false })),
  };
}
