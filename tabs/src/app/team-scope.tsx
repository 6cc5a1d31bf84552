import { useCallback, useEffect } from 'react';
import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MeTeam } from '../../../bot/src/api/contract';
import { Board } from '../features/board/board';
import type { BoardOutcome } from '../features/board/board';
import type { ApiClient } from '../shared/api-client';
import type { KeyValueStore } from '../shared/local-store';
import { useAsync } from '../shared/use-async';
import { ErrorState } from '../shared/ui/error-state';
import { LoadingState } from '../shared/ui/loading-state';
import { MessageState } from '../shared/ui/message-state';
import { answeredMe, getMe } from '../shared/get-me';
import { pickTeam, useChosenTeam } from '../shared/chosen-team';
import { TeamPicker } from '../shared/ui/team-picker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

interface TeamScopeProps {
  readonly api: ApiClient;
  readonly store: KeyValueStore;
  /** Locale for dates and numbers. */
  readonly locale: string;
  /** The team Teams opened the tab in (a channel tab); absent in a personal tab and outside Teams. */
  readonly contextTeam?: { readonly teamId: string; readonly name?: string | undefined } | undefined;
  readonly onSettled?: ((outcome: BoardOutcome) => void) | undefined;
}

/** Decides which team's board to show: the Teams context's team, else one of the user's teams. */
export function TeamScope({ api, store, locale, contextTeam, onSettled }: TeamScopeProps) {
  if (contextTeam) {
    return <Board api={api} teamId={contextTeam.teamId} teamName={contextTeam.name} locale={locale} onSettled={onSettled} />;
  }
  return <MyTeams api={api} store={store} locale={locale} onSettled={onSettled} />;
}

function MyTeams({ api, store, locale, onSettled }: Omit<TeamScopeProps, 'contextTeam'>) {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => getMe(api, signal), [api]);
  const me = useAsync(load, () => answeredMe(api));
  const { chosen: chosenTeamId, choose } = useChosenTeam(store);

  const teams = me.status === 'success' ? me.data.teams : undefined;
  const error = me.status === 'error' ? me.error : undefined;
  const shownTeamId = teams ? pickTeam(teams, chosenTeamId)?.teamId : undefined;
  useEffect(() => {
    // The team the board shows is remembered, not only one picked: the next visit's entry asks for its
    // sessions before the app's code is in (early-start.ts), and draws them in the first commit.
    if (shownTeamId !== undefined && shownTeamId !== chosenTeamId) choose(shownTeamId);
  }, [shownTeamId, chosenTeamId, choose]);
  useEffect(() => {
    // The board reports its own outcome; only the states that never reach a board settle here.
    if (error !== undefined) onSettled?.({ kind: 'failed', error });
    else if (teams?.length === 0) onSettled?.({ kind: 'loaded' });
  }, [error, teams, onSettled]);

  if (me.status === 'loading') {
    // The remembered team's board starts at once, its request in parallel with /me; the same
    // element (same key, same place) carries on when /me answers, so nothing loads twice.
    if (!chosenTeamId) return <LoadingState label={t('teams.loading')} />;
    return (
      <TeamBoard teams={undefined} teamId={chosenTeamId} onChoose={choose}>
        <Board key={chosenTeamId} api={api} teamId={chosenTeamId} locale={locale} onSettled={onSettled} />
      </TeamBoard>
    );
  }
  if (me.status === 'error') return <ErrorState error={me.error} onRetry={me.retry} />;

  const team = pickTeam(me.data.teams, chosenTeamId);
  if (!team) return <MessageState title={t('teams.noneTitle')} text={t('teams.noneText')} />;

  return (
    <TeamBoard teams={me.data.teams} teamId={team.teamId} onChoose={choose}>
      <Board key={team.teamId} api={api} teamId={team.teamId} teamName={team.name} locale={locale} onSettled={onSettled} />
    </TeamBoard>
  );
}

interface TeamBoardProps {
  /** Undefined while /me is still loading. */
  readonly teams: readonly MeTeam[] | undefined;
  readonly teamId: string;
  readonly onChoose: (teamId: string) => void;
  readonly children: ReactNode;
}

function TeamBoard({ teams, teamId, onChoose, children }: TeamBoardProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  // Always the same wrapper, so the board below keeps its place (and its state) when the picker appears.
  return (
    <div className={styles.root}>
      <TeamPicker teams={teams ?? []} teamId={teamId} onChoose={onChoose} label={t('teams.label')} orientation="horizontal" />
      {children}
    </div>
  );
}
