import type { PlanningResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

/** The plan form's choices: the team's channels, its members, its time zone and the fair suggestion. */
export function getPlanning(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<PlanningResponse> {
  return api.get<PlanningResponse>(`/api/v1/teams/${encodeURIComponent(teamId)}/planning`, signal);
}
