import type { MyLearningResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

export function getMyLearning(api: ApiClient, signal?: AbortSignal): Promise<MyLearningResponse> {
  return api.get<MyLearningResponse>('/api/v1/me/learning', signal);
}
