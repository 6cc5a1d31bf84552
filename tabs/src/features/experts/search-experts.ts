import type { ApiClient } from '../../shared/api-client';
import type { ExpertsResponse } from '../../../../bot/src/api/contract';

export interface ExpertQuery {
  readonly q: string;
  readonly level: '' | '1' | '2' | '3';
  readonly language: string;
  readonly skip: number;
  readonly count: number;
}

/** At most 25 per page (the API's and Teams' limit). */
export const expertPageSize = 25;

/** The same ranking as the messaging extension: the API does it, the tab only asks. */
export function searchExperts(api: ApiClient, query: ExpertQuery, signal?: AbortSignal): Promise<ExpertsResponse> {
  const params = new URLSearchParams({ q: query.q.trim(), skip: String(query.skip), count: String(query.count) });
  if (query.level) params.set('level', query.level);
  if (query.language) params.set('language', query.language);
  return api.get<ExpertsResponse>(`/api/v1/experts?${params.toString()}`, signal);
}
