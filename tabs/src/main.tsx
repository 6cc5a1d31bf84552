import { startEarly } from './app/early-start';
import { loadCatalogue } from './app/i18n/catalogues';
import { preferenceKeys } from './shared/preference-keys';
import { createBrowserStore } from './shared/local-store';
import { formattingLocale, isAppLanguage, startLanguage } from './shared/locale';
import { detectHost, mayBeHosted } from './shared/teams';
import type { Host } from './shared/teams';
import { warmIntl } from './app/warm-intl';
import { apiFetch } from './shared/api-fetch';

// The entry stays tiny and starts everything the first screen waits for at once (issue #16): Teams'
// handshake, the reader's strings, and for a returning visitor their token and first data calls, while
// React and the app's code (mount-app.tsx and its imports, preloaded in parallel) are still on their way.
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// detectHost never rejects (it falls back to standalone).
const host = detectHost({ fallbackLocale: navigator.language });
// A User Timing mark the board benchmark reads (bench/board-load.mjs); costs nothing otherwise.
void host.then(() => performance.mark('peerlearn:host-detected'));

const store = createBrowserStore();
const stored = store.get(preferenceKeys.language);
const language = startLanguage(store, navigator.language);
// The reader's strings, fetched beside the app's code and handed to it (below).
const strings = loadCatalogue(language);
strings.catch(() => undefined);
// Known before the app's code is in (outside Teams always, in Teams when the handshake was quicker):
// handed over settled, React's first commit is the app.
let knownHost: Host | undefined;
void host.then((detected) => {
  knownHost = detected;
});
// On connections of their own, not behind the app's scripts (api-fetch.ts).
const early = mayBeHosted(window)
  ? undefined
  : startEarly({
      fetch: apiFetch,
      store,
      location: window.location,
      language,
    });

// ICU's first load (warm-intl.ts) blocks the page 60–215 ms: once the first data calls are out, not while
// the token's answer waits to be read and the sessions asked for. The locale the standalone app formats
// in; in Teams the host's may differ in region only.
void (early?.requested ?? Promise.resolve()).then(() =>
  warmIntl(formattingLocale(language, isAppLanguage(stored) ? undefined : navigator.language)),
);

// The app draws nothing without its strings, so it mounts once both its code and its strings are in (they
// are fetched side by side). When the strings failed, the app asks for them once more itself and shows its
// could-not-load message if that fails too.
Promise.all([
  import('./app/mount-app'),
  strings.then(
    (catalogue) => ({ language, catalogue }),
    () => undefined,
  ),
]).then(
  ([{ mountApp }, loaded]) => mountApp(container, host, early, { ...(loaded ? { strings: loaded } : {}), host: knownHost }),
  () => {
    // The app's code did not load (the network dropped, or an old page after a deploy): no strings
    // either, so the same words in both of the app's languages.
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.style.cssText = 'font-family: system-ui, sans-serif; padding: 1rem';
    alert.textContent =
      'PeerLearn could not load. Check your connection and reload the page. / PeerLearn kon niet laden. Controleer je verbinding en laad de pagina opnieuw.';
    container.replaceChildren(alert);
  },
);
