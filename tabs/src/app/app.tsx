import { useEffect, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { FetchLike } from '../shared/api-client';
import type { KeyValueStore } from '../shared/local-store';
import type { EarlyStart } from './early-start';
import { createBrowserStore } from '../shared/local-store';
import { apiFetch } from '../shared/api-fetch';
import { startLanguage } from '../shared/locale';
import type { AppLanguage } from '../shared/locale';
import type { Host } from '../shared/teams';
import { useSystemTheme } from '../shared/use-system-theme';
import { isPublicRoute } from '../shared/routes';
import { LoadingState } from '../shared/ui/loading-state';
import { loadCatalogue } from './i18n/catalogues';
import { createI18n } from './i18n/create-i18n';
import type { Catalogue } from './i18n/create-i18n';
import { PublicApp } from './public-app';
import { StandaloneApp } from './standalone-app';
import { TeamsApp } from './teams-app';
import { ThemeRoot } from './theme-root';
import { useRoute } from './use-route';

const browserStore = createBrowserStore();

interface AppProps {
  /** From `detectHost()`, started before React so Teams' handshake runs in parallel with rendering. */
  readonly host: Promise<Host>;
  readonly fetch?: FetchLike;
  readonly store?: KeyValueStore;
  readonly browserLocale?: string;
  /** The first requests the entry already started (early-start.ts); absent when it started none. */
  readonly early?: EarlyStart | undefined;
  /** What the entry already has when the app's code is in (main.tsx): the first render draws the app with them. */
  readonly ready?: AppReady;
}

/**
 * Handed over settled by the entry, so React's first commit draws the app itself. Found by the promises
 * alone, the first commit was empty, the second a "Starting PeerLearn…" line and only the third the app:
 * two commits and layouts before the board's; now one of each fewer (issue #16, bench/board-load.mjs).
 */
export interface AppReady {
  /** The strings of the language the entry started in; used when the app starts in that same language. */
  readonly strings?: { readonly language: AppLanguage; readonly catalogue: Catalogue };
  /** The host, when `detectHost` had answered (outside Teams it answers at once). */
  readonly host?: Host | undefined;
}

/** The composition root of the tab: host → language → theme → the team's board (or a public page, before any of that). */
export function App({ host, fetch = apiFetch, store = browserStore, browserLocale = navigator.language, early, ready }: AppProps) {
  const [handedOver] = useState(() => {
    const language = startLanguage(store, browserLocale);
    return ready?.strings?.language === language ? createI18n(language, ready.strings.catalogue) : undefined;
  });
  const [i18n, setI18n] = useState<I18n | undefined>(handedOver);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (handedOver) return;
    let current = true;
    const language = startLanguage(store, browserLocale);
    // The reader's language only (its own chunk, fetched while Teams' handshake runs); the page stays
    // empty for that moment rather than showing untranslated keys.
    loadCatalogue(language).then(
      (catalogue) => {
        if (current) setI18n(createI18n(language, catalogue));
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [store, browserLocale, handedOver]);
  if (failed) return <NotLoaded />;
  if (!i18n) return null;
  return (
    <I18nextProvider i18n={i18n}>
      <Routed host={host} fetch={fetch} store={store} browserLocale={browserLocale} early={early} knownHost={ready?.host} />
    </I18nextProvider>
  );
}

/** The public pages (privacy, terms) skip the host and sign-in altogether; every other route needs them. */
type ResolvedProps = Required<Omit<AppProps, 'early' | 'ready'>> & Pick<AppProps, 'early'> & { readonly knownHost: Host | undefined };

function Routed(props: ResolvedProps) {
  const { route } = useRoute();
  if (isPublicRoute(route)) {
    return <PublicApp route={route} host={props.host} store={props.store} browserLocale={props.browserLocale} />;
  }
  return <Hosted {...props} />;
}

function Hosted({ host, fetch, store, browserLocale, early, knownHost }: ResolvedProps) {
  // State, not `use()`: a suspended first render is revealed only after React's 300 ms fallback
  // throttle, which alone would eat a third of the board's 1 s budget.
  const [resolved, setResolved] = useState<Host | undefined>(knownHost);
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
    <StandaloneApp fetch={fetch} store={store} browserLocale={browserLocale} early={early} />
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

/**
 * The strings themselves did not load (the network dropped, or an old page after a deploy), so this one
 * message cannot come from a catalogue: it says the same in both of the app's languages.
 */
function NotLoaded() {
  return (
    <p role="alert" style={{ fontFamily: 'system-ui, sans-serif', padding: '1rem' }}>
      <span lang="en">PeerLearn could not load. Check your connection and reload the page.</span>
      <br />
      <span lang="nl">PeerLearn kon niet laden. Controleer je verbinding en laad de pagina opnieuw.</span>
    </p>
  );
}
