import type { MeResponse } from '../../../bot/src/api/contract';
import type { ApiClient, InHand } from './api-client';

/** Also started by the entry before the app's code is loaded (app/early-start.ts). */
export const mePath = '/api/v1/me';

export function getMe(api: ApiClient, signal?: AbortSignal): Promise<MeResponse> {
  return api.get<MeResponse>(mePath, signal);
}

/** /me when the entry's early start already has it (`ApiClient.answered`), if it lists the person's teams. */
export function answeredMe(api: ApiClient): InHand<MeResponse> | undefined {
  const held = api.answered<MeResponse>(mePath);
  return held && Array.isArray(held.data.teams) ? held : undefined;
}
