import type { MeResponse } from '../../../bot/src/api/contract';
import type { ApiClient } from './api-client';

/** Also started by the entry before the app's code is loaded (app/early-start.ts). */
export const mePath = '/api/v1/me';

export function getMe(api: ApiClient, signal?: AbortSignal): Promise<MeResponse> {
  return api.get<MeResponse>(mePath, signal);
}

/** /me when the entry's early start already has it (`ApiClient.answered`), once. */
export function answeredMe(api: ApiClient): MeResponse | undefined {
  return api.answered<MeResponse>(mePath);
}
