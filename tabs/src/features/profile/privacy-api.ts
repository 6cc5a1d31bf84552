import type { EraseMeRequest } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

/** `GET /me/export`: everything stored that names the caller, as the JSON file the service writes. */
export function downloadMyData(api: ApiClient): Promise<Blob> {
  return api.download('/api/v1/me/export');
}

/** `DELETE /me`: 204 once erased; without `confirm: true` the service changes nothing (400 `confirmation_required`). */
export async function eraseMyData(api: ApiClient, contributions: EraseMeRequest['contributions']): Promise<void> {
  const body: EraseMeRequest = { confirm: true, contributions };
  await api.send<undefined>('DELETE', '/api/v1/me', body);
}
