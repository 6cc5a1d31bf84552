import { Suspense, lazy, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BoardOutcome } from '../features/board/board';
import type { ApiClient } from '../shared/api-client';
import type { KeyValueStore } from '../shared/local-store';
import type { TeamsHost } from '../shared/teams';
import { LoadingState } from '../shared/ui/loading-state';
import { AppNav } from './app-nav';
import type { Route } from './routes';
import { TeamScope } from './team-scope';
import type { Preferences } from './use-preferences';
import { useRoute } from './use-route';

// Every view but the board loads on first visit: the board's first paint carries only its own code.
const SessionDetailView = lazy(() => import('../features/session/session-detail'));
const PlanSessionView = lazy(() => import('../features/plan/plan-session'));
const ExpertsView = lazy(() => import('../features/experts/experts-view'));
const TipsView = lazy(() => import('../features/tips/tips-view'));
const ProfileView = lazy(() => import('../features/profile/profile-view'));
const MyLearningView = lazy(() => import('../features/my-learning/my-learning'));
const InsightsView = lazy(() => import('../features/insights/insights-view'));
const OpenSessionsView = lazy(() => import('../features/open/open-sessions-view'));
const SettingsView = lazy(() => import('../features/settings/settings-view'));
const BuddyRoundView = lazy(() => import('../features/buddies/buddy-round-view'));
// Sections other features' views show, loaded with their own code (features never import each other).
const BuddyProfileSection = lazy(() => import('../features/buddies/buddy-profile-section'));
const BuddySettingsSection = lazy(() => import('../features/buddies/buddy-settings-section'));
const GoalsSettingsSection = lazy(() => import('../features/goals/goals-settings-section'));
const ConfigPage = lazy(() => import('./config-page'));
const ErasedState = lazy(() => import('../features/profile/erased-state'));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

interface ShellProps {
  readonly api: ApiClient;
  readonly store: KeyValueStore;
  /** Locale for dates and numbers. */
  readonly locale: string;
  /** The team (and channel) the tab is pinned in, inside Teams. */
  readonly contextTeam?:
    { readonly teamId: string; readonly name?: string | undefined; readonly channelId?: string | undefined } | undefined;
  readonly onSettled?: ((outcome: BoardOutcome) => void) | undefined;
  /** Inside Teams: the host (config page, "follows Teams" settings). */
  readonly host?: TeamsHost | undefined;
  /** Outside Teams: the language and theme choices, editable in Settings. */
  readonly preferences?: Preferences | undefined;
}

/** Navigation plus the view of the current route. */
export function Shell(props: ShellProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { route, navigate } = useRoute();
  // Once the person erased their data, no view may load again: each would call the API as them, and
  // GET /me would quietly start a new profile. Only a reload (a deliberate new visit) leaves this.
  const [erased, setErased] = useState(false);
  if (erased) {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <ErasedState />
      </Suspense>
    );
  }
  if (route.name === 'config') {
    return (
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <ConfigPage host={props.host} onReady={props.onSettled} />
      </Suspense>
    );
  }
  return (
    <div className={styles.root}>
      <AppNav route={route} onNavigate={navigate} />
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <RouteView route={route} navigate={navigate} onErased={() => setErased(true)} {...props} />
      </Suspense>
    </div>
  );
}

interface RouteViewProps extends ShellProps {
  readonly route: Route;
  readonly navigate: (route: Route) => void;
  readonly onErased: () => void;
}

function RouteView({ route, navigate, onErased, ...props }: RouteViewProps) {
  const { t } = useTranslation();
  const { api, store, locale, contextTeam, onSettled } = props;
  // After saving an occurrence of a series: how many sessions changed, shown once on its detail.
  const [saved, setSaved] = useState<{ readonly sessionId: string; readonly changed: number } | undefined>(undefined);
  switch (route.name) {
    case 'board':
    case 'config':
      return <TeamScope api={api} store={store} locale={locale} contextTeam={contextTeam} onSettled={onSettled} />;
    case 'session':
      return (
        <Settles onSettled={onSettled}>
          <SessionDetailView
            key={`${route.teamId}/${route.sessionId}`}
            api={api}
            teamId={route.teamId}
            sessionId={route.sessionId}
            locale={locale}
            savedChanged={saved?.sessionId === route.sessionId ? saved.changed : undefined}
          />
        </Settles>
      );
    case 'plan':
      return (
        <Settles onSettled={onSettled}>
          <PlanSessionView
            key={`${route.teamId}/${route.sessionId ?? 'new'}/${route.request ?? ''}`}
            api={api}
            teamId={route.teamId}
            sessionId={route.sessionId}
            requestId={route.request}
            contextChannelId={contextTeam?.teamId === route.teamId ? contextTeam.channelId : undefined}
            onSaved={(sessionId, changed) => {
              setSaved(changed === undefined ? undefined : { sessionId, changed });
              navigate({ name: 'session', teamId: route.teamId, sessionId });
            }}
            onCancel={() =>
              navigate(route.sessionId ? { name: 'session', teamId: route.teamId, sessionId: route.sessionId } : { name: 'board' })
            }
          />
        </Settles>
      );
    case 'experts':
      return (
        <Settles onSettled={onSettled}>
          <ExpertsView api={api} initialQuery={route.query} teamId={contextTeam?.teamId} store={store} />
        </Settles>
      );
    case 'tips':
      return (
        <Settles onSettled={onSettled}>
          <TipsView api={api} locale={locale} store={store} contextTeamId={contextTeam?.teamId} />
        </Settles>
      );
    case 'profile':
      return (
        <Settles onSettled={onSettled}>
          <ProfileView
            api={api}
            onErased={onErased}
            buddies={
              <Suspense fallback={<LoadingState label={t('buddies.loading')} />}>
                <BuddyProfileSection api={api} store={store} contextTeamId={contextTeam?.teamId} locale={locale} />
              </Suspense>
            }
          />
        </Settles>
      );
    case 'my-learning':
      return (
        <Settles onSettled={onSettled}>
          <MyLearningView api={api} locale={locale} />
        </Settles>
      );
    case 'buddies':
      return (
        <Settles onSettled={onSettled}>
          <BuddyRoundView
            key={route.teamId ?? contextTeam?.teamId ?? ''}
            api={api}
            store={store}
            teamId={route.teamId ?? contextTeam?.teamId}
            locale={locale}
          />
        </Settles>
      );
    case 'open':
      return (
        <Settles onSettled={onSettled}>
          <OpenSessionsView api={api} locale={locale} />
        </Settles>
      );
    case 'insights':
      return (
        <Settles onSettled={onSettled}>
          <InsightsView api={api} store={store} locale={locale} contextTeamId={contextTeam?.teamId} />
        </Settles>
      );
    case 'settings':
      return (
        <Settles onSettled={onSettled}>
          <SettingsView
            preferences={props.preferences}
            api={api}
            store={store}
            contextTeamId={contextTeam?.teamId}
            teamSections={(teamId) => (
              <Suspense fallback={<LoadingState label={t('buddies.settings.loading')} />}>
                <GoalsSettingsSection api={api} teamId={teamId} locale={locale} />
                <BuddySettingsSection api={api} teamId={teamId} locale={locale} />
              </Suspense>
            )}
          />
        </Settles>
      );
  }
}

/** Views other than the board tell Teams they are ready once their code has loaded and rendered. */
function Settles({
  onSettled,
  children,
}: {
  readonly onSettled?: ((outcome: BoardOutcome) => void) | undefined;
  readonly children: ReactNode;
}) {
  useEffect(() => {
    onSettled?.({ kind: 'loaded' });
  }, [onSettled]);
  return <>{children}</>;
}
