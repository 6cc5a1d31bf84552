import { useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { FetchLike } from '../shared/api-client';
import type { KeyValueStore } from '../shared/local-store';
import { createBrowserStore } from '../shared/local-store';
import { isAppLanguage, languageOf } from '../shared/locale';
import type { Host } from '../shared/teams';
import { useSystemTheme } from '../shared/use-system-theme';
import { isPublicRoute } from '../shared/routes';
import { LoadingState } from '../shared/ui/loading-state';
import { createI18n } from './i18n/create-i18n';
import { PublicApp } from './public-app';
import { StandaloneApp } from './standalone-app';
import { TeamsApp } from './teams-app';
import { ThemeRoot } from './theme-root';
import { preferenceKeys } from './use-preferences';
import { useRoute } from './use-route';

// Looked up at call time, so a test's stubbed global fetch is the one used.
const browserFetch: FetchLike = (input, init) => fetch(input, init);
const browserStore = createBrowserStore();

interface AppProps {
  /** From `detectHost()`, started before React so Teams' handshake runs in parallel with rendering. */
  readonly host: Promise<Host>;
  readonly fetch?: FetchLike;
  readonly store?: KeyValueStore;
  readonly browserLocale?: string;
}

/** The composition root of the tab: host → language → theme → the team's board (or a public page, before any of that). */
export function App({ host, fetch = browserFetch, store = browserStore, browserLocale = navigator.language }: AppProps) {
  const [i18n] = useState(() => {
    const stored = store.get(preferenceKeys.language);
    return createI18n(isAppLanguage(stored) ? stored : languageOf(browserLocale));
  });
  return (
    <I18nextProvider i18n={i18n}>
      <Routed host={host} fetch={fetch} store={store} browserLocale={browserLocale} />
    </I18nextProvider>
  );
}

/** The public pages (privacy, terms) skip the host and sign-in altogether; every other route needs them. */
function Routed(props: Required<AppProps>) {
  const { route } = useRoute();
  if (isPublicRoute(route)) {
    return <PublicApp route={route} host={props.host} store={props.store} browserLocale={props.browserLocale} />;
  }
  return <Hosted {...props} />;
}

function Hosted({ host, fetch, store, browserLocale }: Required<AppProps>) {
  // State, not `use()`: a suspended first render is revealed only after React's 300 ms fallback
  // throttle, which alone would eat a third of the board's 1 s budget.
  const [resolved, setResolved] = useState<Host | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void host.then((h) => {
      if (current) setResolved(h);
    });
    return () => {
      current = false;
    };
  }, [host]);
  if (!resolved) return <Starting />;
  return resolved.kind === 'teams' ? (
    <TeamsApp host={resolved} fetch={fetch} store={store} />
  ) : (
    <StandaloneApp fetch={fetch} store={store} browserLocale={browserLocale} />
  );
}

/** Shown while teams-js decides where we are (Teams hides it behind its own loading indicator). */
function Starting() {
  const { t } = useTranslation();
  const theme = useSystemTheme();
  return (
    <ThemeRoot theme={theme}>
      <LoadingState label={t('app.loading')} />
    </ThemeRoot>
  );
}
