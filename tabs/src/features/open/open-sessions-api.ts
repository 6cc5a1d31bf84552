import type { OpenSessionsResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

/** One page of the tenant's upcoming sessions open to everyone; `q` matches a skill or a title. */
export function getOpenSessions(
  api: ApiClient,
  query: { readonly q?: string; readonly limit?: number; readonly cursor?: string; readonly exceptTeam?: string },
  signal?: AbortSignal,
): Promise<OpenSessionsResponse> {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.limit) params.set('limit', String(query.limit));
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.exceptTeam) params.set('exceptTeam', query.exceptTeam);
  const search = params.toString();
  return api.get<OpenSessionsResponse>(`/api/v1/sessions/open${search ? `?${search}` : ''}`, signal);
}
