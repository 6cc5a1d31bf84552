import type { CreateTipRequest, TipListResponse, TipView } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../api-client';

/** Tips API calls, shared by the tips view and the board's "New tips" section. */
const TIPS_PAGE_SIZE = 20;

interface TipQuery {
  readonly q: string;
  readonly skill: string;
  readonly cursor?: string | undefined;
  readonly limit?: number;
}

const path = (teamId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}/tips`;

export function listTips(api: ApiClient, teamId: string, query: TipQuery, signal?: AbortSignal): Promise<TipListResponse> {
  const params = new URLSearchParams({ limit: String(query.limit ?? TIPS_PAGE_SIZE) });
  if (query.q.trim()) params.set('q', query.q.trim());
  if (query.skill) params.set('skill', query.skill);
  if (query.cursor) params.set('cursor', query.cursor);
  return api.get<TipListResponse>(`${path(teamId)}?${params.toString()}`, signal);
}

export function shareTip(api: ApiClient, teamId: string, tip: CreateTipRequest): Promise<TipView> {
  return api.send<TipView>('POST', path(teamId), tip);
}

export function deleteTip(api: ApiClient, teamId: string, tipId: string): Promise<void> {
  return api.send<undefined>('DELETE', `${path(teamId)}/${encodeURIComponent(tipId)}`);
}
