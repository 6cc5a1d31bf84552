import type {
  CsvTable,
  InsightsResponse,
  LatestPulseResponse,
  NudgeResponse,
  PlanningResponse,
  PostPulseRequest,
  PulseResults,
} from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { saveFile } from '../../shared/save-file';
import { insightsPath } from './insights-range';
import type { InsightsQuery } from './insights-range';

const teamPath = (teamId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}`;

export function getInsights(api: ApiClient, teamId: string, query: InsightsQuery, signal?: AbortSignal): Promise<InsightsResponse> {
  return api.get<InsightsResponse>(insightsPath(teamId, query), signal);
}

/** Fetched with the bearer token (a plain link would carry none), then saved under the API's file name. */
export async function downloadInsightsCsv(api: ApiClient, teamId: string, table: CsvTable, query: InsightsQuery): Promise<void> {
  const params = new URLSearchParams({ table, from: query.from, to: query.to, granularity: query.granularity });
  const blob = await api.download(`${teamPath(teamId)}/insights.csv?${params.toString()}`);
  saveFile(blob, `peerlearn-${table}-${query.from}-${query.to}.csv`);
}

export function nudgeQuietMember(api: ApiClient, teamId: string, userId: string): Promise<NudgeResponse> {
  return api.send<NudgeResponse>('POST', `${teamPath(teamId)}/insights/quiet/${encodeURIComponent(userId)}/nudge`);
}

/** The latest pulse, or `undefined` when the team never had one. */
export async function getLatestPulse(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<PulseResults | undefined> {
  const { pulse } = await api.get<LatestPulseResponse>(`${teamPath(teamId)}/pulses/latest`, signal);
  return pulse ?? undefined;
}

export function postPulse(api: ApiClient, teamId: string, body: PostPulseRequest): Promise<PulseResults> {
  return api.send<PulseResults>('POST', `${teamPath(teamId)}/pulses`, body);
}

/** The team's channels for the pulse's channel picker (the same answer the plan form reads). */
export function getPlanningChoices(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<PlanningResponse> {
  return api.get<PlanningResponse>(`${teamPath(teamId)}/planning`, signal);
}
