import type { GoalsResponse, PutGoalsRequest } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

const goalsPath = (teamId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}/goals`;

/** The team's goals with their progress; `canEdit` for its owners. */
export function getGoals(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<GoalsResponse> {
  return api.get<GoalsResponse>(goalsPath(teamId), signal);
}

/** Owners: replaces the whole list (400 names `goals[i].field`). */
export function saveGoals(api: ApiClient, teamId: string, body: PutGoalsRequest): Promise<GoalsResponse> {
  return api.send<GoalsResponse>('PUT', goalsPath(teamId), body);
}
