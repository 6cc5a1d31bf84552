import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api-client';
import { getMe } from '../../shared/get-me';
import type { KeyValueStore } from '../../shared/local-store';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import { preferenceKeys } from '../../shared/preference-keys';

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
  const [chosen, setChosen] = useState(() => store?.get(preferenceKeys.team) ?? null);
  if (me.status === 'loading') return <LoadingState label={t('buddies.loading')} />;
  if (me.status === 'error') return <ErrorState error={me.error} onRetry={me.retry} headingLevel={3} />;
  const teams = me.data.teams;
  const team = teams.find((candidate) => candidate.teamId === chosen) ?? teams[0];
  if (!team) return <MessageState headingLevel={3} title={t('buddies.noTeamTitle')} text={t('buddies.noTeamText')} />;
  return (
    <>
      {teams.length > 1 ? (
        <Field label={t('buddies.team')}>
          <Select
            value={team.teamId}
            onChange={(_, d) => {
              store?.set(preferenceKeys.team, d.value);
              setChosen(d.value);
            }}
          >
            {teams.map((candidate) => (
              <option key={candidate.teamId} value={candidate.teamId}>
                {candidate.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {children(team.teamId)}
    </>
  );
}
