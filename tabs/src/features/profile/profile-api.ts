import type { ProfileResponse, UpdateProfileRequest } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

const profilePath = '/api/v1/me/profile';

export function getProfile(api: ApiClient, signal?: AbortSignal): Promise<ProfileResponse> {
  return api.get<ProfileResponse>(profilePath, signal);
}

/** The whole editable profile; the answer carries the normalised spelling of the skills. */
export function putProfile(api: ApiClient, profile: UpdateProfileRequest): Promise<ProfileResponse> {
  return api.send<ProfileResponse>('PUT', profilePath, profile);
}
