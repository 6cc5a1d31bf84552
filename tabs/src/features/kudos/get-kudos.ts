import type { KudosWallResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

/** Enough to fill the wall without turning it into a feed. */
const KUDOS_ON_BOARD = 12;

export function getKudos(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<KudosWallResponse> {
  return api.get<KudosWallResponse>(`/api/v1/teams/${encodeURIComponent(teamId)}/kudos?limit=${KUDOS_ON_BOARD}`, signal);
}
