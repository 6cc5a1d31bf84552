import type { LearningRequestDetailResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

/** The request an expert took, with the session draft to start from (title in the caller's language). */
export function getRequestDraft(
  api: ApiClient,
  teamId: string,
  requestId: string,
  signal?: AbortSignal,
): Promise<LearningRequestDetailResponse> {
  return api.get<LearningRequestDetailResponse>(
    `/api/v1/teams/${encodeURIComponent(teamId)}/requests/${encodeURIComponent(requestId)}`,
    signal,
  );
}
