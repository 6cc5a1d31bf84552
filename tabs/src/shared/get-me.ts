import type { MeResponse } from '../../../bot/src/api/contract';
import type { ApiClient } from './api-client';

export function getMe(api: ApiClient, signal?: AbortSignal): Promise<MeResponse> {
  return api.get<MeResponse>('/api/v1/me', signal);
}
