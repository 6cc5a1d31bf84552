import { useCallback } from 'react';
import type { ApiClient } from '../../shared/api-client';
import { useAsync } from '../../shared/use-async';
import { getTeamSessions } from '../../shared/sessions/get-team-sessions';

export function useTeamSessions(api: ApiClient, teamId: string) {
  const load = useCallback((signal: AbortSignal) => getTeamSessions(api, teamId, signal), [api, teamId]);
  return useAsync(load);
}
