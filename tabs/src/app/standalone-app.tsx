import { useCallback, useState } from 'react';
import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DevMember } from '../../../bot/src/api/contract';
import { ApiRequestError, createApiClient } from '../shared/api-client';
import type { FetchLike } from '../shared/api-client';
import { createDevTokenProvider, fetchDevMembers, memberKey, readRememberedMember } from '../shared/dev-auth';
import type { KeyValueStore } from '../shared/local-store';
import type { EarlyStart } from './early-start';
import { formattingLocale, languageOf } from '../shared/locale';
import { useAsync } from '../shared/use-async';
import { useSystemTheme } from '../shared/use-system-theme';
import { ErrorState } from '../shared/ui/error-state';
import { LoadingState } from '../shared/ui/loading-state';
import { MessageState } from '../shared/ui/message-state';
import { MemberPicker } from './member-picker';
import { PageLayout } from './page-layout';
import { StandaloneToolbar } from './standalone-toolbar';
import { Shell } from './shell';
import { ThemeRoot } from './theme-root';
import { useAppLanguage } from './use-app-language';
import { preferenceKeys } from '../shared/preference-keys';
import { usePreferences } from './use-preferences';
import type { Preferences } from './use-preferences';

interface StandaloneAppProps {
  readonly fetch: FetchLike;
  readonly store: KeyValueStore;
  /** The browser's language tag (`navigator.language`). */
  readonly browserLocale: string;
  /** The remembered member's token and first requests, already on their way (early-start.ts). */
  readonly early?: EarlyStart | undefined;
}

/** Outside Teams: the dev-mode token issuer stands in for Entra, the browser for the Teams client. */
export function StandaloneApp({ fetch, store, browserLocale, early }: StandaloneAppProps) {
  const preferences = usePreferences(store);
  const systemTheme = useSystemTheme();
  const language = preferences.language ?? languageOf(browserLocale);
  const theme = preferences.theme ?? systemTheme;
  useAppLanguage(language);

  const [chosenKey, setChosenKey] = useState(() => store.get(preferenceKeys.member));
  // The remembered member in full lets a returning visitor's board load while the member list is
  // still on its way (the list only feeds the picker); a stale one gives way once the list is in.
  const [remembered] = useState(() => readRememberedMember(store.get(preferenceKeys.memberIdentity)));
  // For that visitor the list waits until the board's first requests have answered: the same small
  // service would otherwise serve it in the middle of them.
  const [listWaitsFor] = useState(() => (early && remembered && memberKey(remembered) === early.memberKey ? early.settled : undefined));
  const loadMembers = useCallback(
    async (signal: AbortSignal) => {
      await listWaitsFor;
      return fetchDevMembers(fetch, signal);
    },
    [fetch, listWaitsFor],
  );
  const members = useAsync(loadMembers);
  const memberList = members.status === 'success' ? members.data.members : undefined;
  const member =
    memberList?.find((candidate) => memberKey(candidate) === chosenKey) ??
    (members.status === 'loading' && remembered && memberKey(remembered) === chosenKey ? remembered : undefined);

  const chooseMember = (next: DevMember) => {
    store.set(preferenceKeys.member, memberKey(next));
    store.set(preferenceKeys.memberIdentity, JSON.stringify(next));
    setChosenKey(memberKey(next));
  };

  return (
    <ThemeRoot theme={theme}>
      <PageLayout
        header={
          <StandaloneToolbar
            language={language}
            onLanguage={preferences.setLanguage}
            theme={preferences.theme}
            onTheme={preferences.setTheme}
            members={memberList}
            member={member}
            onMember={chooseMember}
          />
        }
      >
        {members.status === 'loading' && !member ? <MembersLoading /> : null}
        {members.status === 'error' ? <MembersError error={members.error} onRetry={members.retry} /> : null}
        {memberList && !member ? <MembersFront members={memberList} onPick={chooseMember} onRetry={members.retry} /> : null}
        {member ? (
          // Keyed by member: switching person starts from a clean slate (token, teams, board).
          <SignedIn
            key={memberKey(member)}
            fetch={fetch}
            member={member}
            store={store}
            locale={formattingLocale(language, preferences.language ? undefined : browserLocale)}
            preferences={preferences}
            early={early}
          />
        ) : null}
      </PageLayout>
    </ThemeRoot>
  );
}

function MembersLoading() {
  const { t } = useTranslation();
  return <LoadingState label={t('standalone.loadingMembers')} />;
}

function MembersError({ error, onRetry }: { readonly error: unknown; readonly onRetry: () => void }) {
  const { t } = useTranslation();
  // 404: the service runs with real Entra sign-in, where the dev endpoints do not exist.
  if (error instanceof ApiRequestError && error.status === 404) {
    return <MessageState title={t('standalone.devModeOffTitle')} text={t('standalone.devModeOffText')} />;
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

interface MembersFrontProps {
  readonly members: readonly DevMember[];
  readonly onPick: (member: DevMember) => void;
  readonly onRetry: () => void;
}

function MembersFront({ members, onPick, onRetry }: MembersFrontProps) {
  const { t } = useTranslation();
  if (members.length === 0) {
    return (
      <MessageState title={t('standalone.pickTitle')} text={t('standalone.noMembers')}>
        <Button onClick={onRetry}>{t('common.tryAgain')}</Button>
      </MessageState>
    );
  }
  return <MemberPicker members={members} onPick={onPick} />;
}

interface SignedInProps {
  readonly fetch: FetchLike;
  readonly member: DevMember;
  readonly store: KeyValueStore;
  readonly locale: string;
  readonly preferences: Preferences;
  readonly early: EarlyStart | undefined;
}

function SignedIn({ fetch, member, store, locale, preferences, early }: SignedInProps) {
  // Keyed by member above: one client (and one token) per person, even when the list replaces the remembered copy.
  // The token and requests the entry started serve only the member they were started for.
  const [api] = useState(() => {
    const mine = early?.memberKey === memberKey(member) ? early : undefined;
    return createApiClient(
      mine ? mine.fetchThrough(fetch) : fetch,
      createDevTokenProvider(fetch, member, mine?.token),
      mine ? { answered: mine.answered } : {},
    );
  });
  return <Shell api={api} store={store} locale={locale} preferences={preferences} />;
}
