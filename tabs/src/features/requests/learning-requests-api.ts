import type {
  CreateLearningRequestRequest,
  CreateLearningRequestResponse,
  LearningRequestsResponse,
  LearningRequestView,
} from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

const requestsPath = (teamId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}/requests`;
const requestPath = (teamId: string, requestId: string) => `${requestsPath(teamId)}/${encodeURIComponent(requestId)}`;

export function getLearningRequests(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<LearningRequestsResponse> {
  return api.get<LearningRequestsResponse>(requestsPath(teamId), signal);
}

export function createLearningRequest(
  api: ApiClient,
  teamId: string,
  body: CreateLearningRequestRequest,
): Promise<CreateLearningRequestResponse> {
  return api.send<CreateLearningRequestResponse>('POST', requestsPath(teamId), body);
}

/** +1 (`on`) or take it back; the API is idempotent, so a double click costs nothing. */
export function voteLearningRequest(api: ApiClient, teamId: string, requestId: string, on: boolean): Promise<LearningRequestView> {
  return api.send<LearningRequestView>(on ? 'PUT' : 'DELETE', `${requestPath(teamId, requestId)}/vote`);
}

/** Whoever took or planned it (or a team owner) returns it to open; answers the open request. */
export function handBackLearningRequest(api: ApiClient, teamId: string, requestId: string): Promise<LearningRequestView> {
  return api.send<LearningRequestView>('POST', `${requestPath(teamId, requestId)}/hand-back`);
}

/** Closes it (the author or a team owner); answers the closed request. */
export function closeLearningRequest(api: ApiClient, teamId: string, requestId: string): Promise<LearningRequestView> {
  return api.send<LearningRequestView>('DELETE', requestPath(teamId, requestId));
}
