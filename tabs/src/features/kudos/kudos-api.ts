import type { GiveKudosRequest, KudosChoicesResponse, KudosView } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

const kudosPath = (teamId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}/kudos`;

/** Whom the form may thank: the team's members, the signed-in person left out by the service. */
export function getKudosChoices(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<KudosChoicesResponse> {
  return api.get<KudosChoicesResponse>(`${kudosPath(teamId)}/choices`, signal);
}

/** A thank-you; the service posts its card in the team's channel. */
export function giveKudos(api: ApiClient, teamId: string, request: GiveKudosRequest): Promise<KudosView> {
  return api.send<KudosView>('POST', kudosPath(teamId), request);
}
