import type { SessionSummary, TeamSessionsResponse } from '../../../../bot/src/api/contract';
import type { ApiClient, InHand } from '../api-client';
import type { BoardSession } from './board-session';

export interface TeamBoardData extends Omit<TeamSessionsResponse, 'sessions'> {
  readonly sessions: readonly BoardSession[];
}

const toBoardSession = (s: SessionSummary): BoardSession => ({ ...s, myRsvp: s.myResponse ?? null, waitlisted: s.myWaitlisted ?? false });

const sessionsPath = (teamId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;

/** Upcoming cards fetched at first; a busy team's board stays quick and readable, the rest is one click away. */
export const upcomingPageSize = 24;

function pagePath(teamId: string, page: { readonly limit?: number; readonly cursor?: string }): string {
  const query = new URLSearchParams();
  if (page.limit !== undefined) query.set('limit', String(page.limit));
  if (page.cursor) query.set('cursor', page.cursor);
  const search = query.toString();
  return search ? `${sessionsPath(teamId)}?${search}` : sessionsPath(teamId);
}

/** The board's first request, which the entry may already have started (app/early-start.ts). */
export const boardFirstPagePath = (teamId: string): string => pagePath(teamId, { limit: upcomingPageSize });

/** A page of sessions as the board draws them (each with the caller's own answer). */
function toBoardData(body: TeamSessionsResponse): TeamBoardData {
  return { ...body, sessions: body.sessions.map(toBoardSession) };
}

/** The board's first page when the entry's early start already has it (`ApiClient.answered`), if it lists sessions. */
export function answeredFirstPage(api: ApiClient, teamId: string): InHand<TeamBoardData> | undefined {
  const held = api.answered<TeamSessionsResponse>(boardFirstPagePath(teamId));
  if (!held || !Array.isArray(held.data.sessions)) return undefined;
  return { data: toBoardData(held.data), take: held.take };
}

/**
 * The team's upcoming sessions, each with the caller's own answer, so the RSVP buttons start pressed
 * right; all of them, or one page with `limit` (and `cursor` for the next).
 */
export async function getTeamSessions(
  api: ApiClient,
  teamId: string,
  signal?: AbortSignal,
  page: { readonly limit?: number; readonly cursor?: string } = {},
): Promise<TeamBoardData> {
  const body = await api.get<TeamSessionsResponse>(pagePath(teamId, page), signal);
  return toBoardData(body);
}

/** One page of the team's past and cancelled sessions, most recent first; `nextCursor` asks for the next. */
export async function getPastSessions(api: ApiClient, teamId: string, cursor?: string, signal?: AbortSignal): Promise<TeamBoardData> {
  const query = new URLSearchParams({ when: 'past' });
  if (cursor) query.set('cursor', cursor);
  const body = await api.get<TeamSessionsResponse>(`${sessionsPath(teamId)}?${query.toString()}`, signal);
  return toBoardData(body);
}
