import { Suspense, lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyValueStore } from '../shared/local-store';
import type { AppLanguage } from '../shared/locale';
import { isAppLanguage, languageOf } from '../shared/locale';
import type { PublicRoute } from '../shared/routes';
import type { Host, TeamsHost } from '../shared/teams';
import { isThemeName } from '../shared/theme-name';
import type { ThemeName } from '../shared/theme-name';
import { useSystemTheme } from '../shared/use-system-theme';
import { LoadingState } from '../shared/ui/loading-state';
import { PageLayout } from './page-layout';
import { ThemeRoot } from './theme-root';
import { useAppLanguage } from './use-app-language';
import { preferenceKeys } from '../shared/preference-keys';

const LegalPage = lazy(() => import('../features/legal/legal-page'));

interface PublicAppProps {
  readonly route: PublicRoute;
  readonly host: Promise<Host>;
  readonly store: KeyValueStore;
  readonly browserLocale: string;
}

/**
 * The privacy statement and the terms of use. They render at once, without waiting for Teams'
 * handshake and without any token or API call: the manifest links to them from the store and the
 * admin centre, where nobody is signed in to PeerLearn, and they must open while the API is down.
 */
export function PublicApp({ route, host, store, browserLocale }: PublicAppProps) {
  const systemTheme = useSystemTheme();
  const [teams, setTeams] = useState<TeamsHost | undefined>(undefined);
  const [chosen, setChosen] = useState<AppLanguage | undefined>(undefined);
  const storedLanguage = store.get(preferenceKeys.language);
  const storedTheme = store.get(preferenceKeys.theme);
  const language =
    chosen ?? (teams ? languageOf(teams.locale) : isAppLanguage(storedLanguage) ? storedLanguage : languageOf(browserLocale));
  const [teamsTheme, setTeamsTheme] = useState<ThemeName | undefined>(undefined);
  const theme = teamsTheme ?? (isThemeName(storedTheme) ? storedTheme : systemTheme);
  useAppLanguage(language);

  useEffect(() => {
    let current = true;
    // Opened inside Teams (rare): follow its language and theme, and hide its loading indicator.
    void host.then((resolved) => {
      if (!current || resolved.kind !== 'teams') return;
      setTeams(resolved);
      setTeamsTheme(resolved.theme);
      resolved.onThemeChange(setTeamsTheme);
      resolved.notifyReady();
    });
    return () => {
      current = false;
    };
  }, [host]);

  const switchLanguage = () => {
    const next: AppLanguage = language === 'nl' ? 'en' : 'nl';
    // Outside Teams the choice is remembered, as the standalone toolbar's is.
    if (!teams) store.set(preferenceKeys.language, next);
    setChosen(next);
  };

  return (
    <ThemeRoot theme={theme}>
      <PageLayout>
        <Suspense fallback={<PageLoading />}>
          <LegalPage page={route.name} onSwitchLanguage={switchLanguage} />
        </Suspense>
      </PageLayout>
    </ThemeRoot>
  );
}

function PageLoading() {
  const { t } = useTranslation();
  return <LoadingState label={t('app.loading')} />;
}
