import type { TeamSessionsResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

export function getTeamSessions(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<TeamSessionsResponse> {
  return api.get<TeamSessionsResponse>(`/api/v1/teams/${encodeURIComponent(teamId)}/sessions`, signal);
}
