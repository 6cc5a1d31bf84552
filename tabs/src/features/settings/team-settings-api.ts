import type { TeamSettingsResponse, UpdateTeamSettingsRequest } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

const path = (teamId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}/settings`;

export function getTeamSettings(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<TeamSettingsResponse> {
  return api.get<TeamSettingsResponse>(path(teamId), signal);
}

export function saveTeamSettings(api: ApiClient, teamId: string, body: UpdateTeamSettingsRequest): Promise<TeamSettingsResponse> {
  return api.send<TeamSettingsResponse>('PUT', path(teamId), body);
}
