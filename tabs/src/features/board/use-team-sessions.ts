import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../shared/api-client';
import type { BoardSession } from '../../shared/sessions/board-session';
import { answeredFirstPage, getTeamSessions, upcomingPageSize } from '../../shared/sessions/get-team-sessions';
import type { TeamBoardData } from '../../shared/sessions/get-team-sessions';
import { useAsync } from '../../shared/use-async';

export type MorePages =
  | { readonly status: 'idle' | 'loading'; readonly sessions: readonly BoardSession[] }
  | { readonly status: 'error'; readonly sessions: readonly BoardSession[]; readonly error: unknown };

type Pages = MorePages & {
  /** The first page these follow; a new first page (another team, a retry) starts the list again. */
  readonly after: TeamBoardData | undefined;
  readonly cursor?: string;
};

/** The board's upcoming sessions: the first page at once, the next ones when asked for. */
export function useTeamSessions(api: ApiClient, teamId: string) {
  const load = useCallback((signal: AbortSignal) => getTeamSessions(api, teamId, signal, { limit: upcomingPageSize }), [api, teamId]);
  // The entry's early start may have the first page already: then the board's first render draws it.
  const first = useAsync(load, () => answeredFirstPage(api, teamId));
  const [pages, setPages] = useState<Pages>({ status: 'idle', sessions: [], after: undefined });
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);

  const firstPage = first.status === 'success' ? first.data : undefined;
  const current: Pages =
    pages.after === firstPage && firstPage !== undefined
      ? pages
      : { status: 'idle', sessions: [], after: firstPage, ...(firstPage?.nextCursor ? { cursor: firstPage.nextCursor } : {}) };

  const loadMore = () => {
    const { cursor, sessions, after } = current;
    if (!cursor || current.status === 'loading') return;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setPages({ status: 'loading', sessions, after, cursor });
    getTeamSessions(api, teamId, controller.signal, { limit: upcomingPageSize * 4, cursor }).then(
      (page) => {
        if (controller.signal.aborted) return;
        setPages({
          status: 'idle',
          sessions: [...sessions, ...page.sessions],
          after,
          ...(page.nextCursor ? { cursor: page.nextCursor } : {}),
        });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setPages({ status: 'error', sessions, error, after, cursor });
      },
    );
  };

  return { first, more: current as MorePages, hasMore: current.cursor !== undefined, loadMore };
}
