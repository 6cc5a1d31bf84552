import { useCallback } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api-client';
import { getMe } from '../../shared/get-me';
import type { KeyValueStore } from '../../shared/local-store';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import { pickTeam, useChosenTeam } from '../../shared/chosen-team';
import { TeamPicker } from '../../shared/ui/team-picker';

interface BuddyTeamScopeProps {
  readonly api: ApiClient;
  readonly store?: KeyValueStore | undefined;
  /** The team Teams opened the tab in, or the one a link named; otherwise one of the caller's teams. */
  readonly teamId?: string | undefined;
  readonly children: (teamId: string) => ReactNode;
}

/** Buddies are per team: the named team, else the remembered one of mine (with a picker when I am in several). */
export function BuddyTeamScope({ api, store, teamId, children }: BuddyTeamScopeProps) {
  if (teamId) return <>{children(teamId)}</>;
  return (
    <MyTeams api={api} store={store}>
      {children}
    </MyTeams>
  );
}

function MyTeams({ api, store, children }: Omit<BuddyTeamScopeProps, 'teamId'>) {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => getMe(api, signal), [api]);
  const me = useAsync(load);
  const { chosen, choose } = useChosenTeam(store);
  if (me.status === 'loading') return <LoadingState label={t('buddies.loading')} />;
  if (me.status === 'error') return <ErrorState error={me.error} onRetry={me.retry} headingLevel={3} />;
  const team = pickTeam(me.data.teams, chosen);
  if (!team) return <MessageState headingLevel={3} title={t('buddies.noTeamTitle')} text={t('buddies.noTeamText')} />;
  return (
    <>
      <TeamPicker teams={me.data.teams} teamId={team.teamId} onChoose={choose} label={t('buddies.team')} />
      {children(team.teamId)}
    </>
  );
}
