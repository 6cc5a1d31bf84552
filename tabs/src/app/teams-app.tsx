import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BoardOutcome } from '../features/board/board';
import { createApiClient } from '../shared/api-client';
import type { FetchLike } from '../shared/api-client';
import { isAuthFailure } from '../shared/error-message';
import type { KeyValueStore } from '../shared/local-store';
import { LinkOpenerProvider } from '../shared/open-link';
import { formattingLocale, languageOf } from '../shared/locale';
import type { TeamsHost } from '../shared/teams';
import { PageLayout } from './page-layout';
import { Shell } from './shell';
import { ThemeRoot } from './theme-root';
import { useAppLanguage } from './use-app-language';
import { applySubPageId } from './use-route';

interface TeamsAppProps {
  readonly host: TeamsHost;
  readonly fetch: FetchLike;
  readonly store: KeyValueStore;
}

/** Inside Teams: locale, theme, team and token all come from the host. */
export function TeamsApp({ host, fetch, store }: TeamsAppProps) {
  // A deep link's subPageId becomes the route before the first render reads it.
  useState(() => applySubPageId(host.subPageId));
  const language = languageOf(host.locale);
  useAppLanguage(language);

  const [theme, setTheme] = useState(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);

  // Teams caches SSO tokens and renews them itself, so a "fresh" token is simply another call.
  const api = useMemo(() => createApiClient(fetch, () => host.getToken()), [fetch, host]);

  const onSettled = useCallback(
    (outcome: BoardOutcome) => {
      // No token at all is fatal for us (Teams shows its own sign-in error); anything else has our retry UI.
      if (outcome.kind === 'failed' && isAuthFailure(outcome.error)) host.notifyFailure('auth', 'Could not get a Teams SSO token');
      else host.notifyReady();
    },
    [host],
  );

  const contextTeam = host.teamId ? { teamId: host.teamId, name: host.teamName, channelId: host.channelId } : undefined;
  return (
    <ThemeRoot theme={theme}>
      <LinkOpenerProvider opener={host.openLink}>
        <PageLayout>
          <Shell
            api={api}
            store={store}
            locale={formattingLocale(language, host.locale)}
            contextTeam={contextTeam}
            onSettled={onSettled}
            host={host}
          />
        </PageLayout>
      </LinkOpenerProvider>
    </ThemeRoot>
  );
}
