import { useCallback, useState } from 'react';
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BuddyMeResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import type { KeyValueStore } from '../../shared/local-store';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { getMyBuddy } from './buddies-api';
import { BuddyPreferencesForm } from './buddy-preferences-form';
import { BuddyTeamScope } from './buddy-team-scope';
import { useBuddyWords } from './buddy-words';
import { CurrentBuddy } from './current-buddy';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  current: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface BuddyProfileSectionProps {
  readonly api: ApiClient;
  readonly store?: KeyValueStore | undefined;
  /** The team Teams opened the tab in; otherwise one of the caller's teams. */
  readonly contextTeamId?: string | undefined;
  /** Locale for dates (e.g. `nl-NL`). */
  readonly locale: string;
}

/** My profile → Learning buddy (DESIGN F8): my choices for one team, and my current buddies with "did you meet?". */
export default function BuddyProfileSection({ api, store, contextTeamId, locale }: BuddyProfileSectionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <section className={styles.root} aria-labelledby="buddy-heading" data-testid="buddy-profile">
      <h2 id="buddy-heading" className={styles.heading}>
        {t('buddies.title')}
      </h2>
      <Body1 as="p" className={styles.text}>
        {t('buddies.intro')}
      </Body1>
      <BuddyTeamScope api={api} store={store} teamId={contextTeamId}>
        {(teamId) => <BuddyLoader key={teamId} api={api} teamId={teamId} locale={locale} />}
      </BuddyTeamScope>
    </section>
  );
}

function BuddyLoader({ api, teamId, locale }: { readonly api: ApiClient; readonly teamId: string; readonly locale: string }) {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => getMyBuddy(api, teamId, signal), [api, teamId]);
  const loaded = useAsync(load);
  if (loaded.status === 'loading') return <LoadingState label={t('buddies.loading')} />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={loaded.retry} headingLevel={3} />;
  return <BuddyStatus api={api} initial={loaded.data} locale={locale} />;
}

function BuddyStatus({ api, initial, locale }: { readonly api: ApiClient; readonly initial: BuddyMeResponse; readonly locale: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const words = useBuddyWords();
  const [status, setStatus] = useState(initial);
  return (
    <>
      <BuddyPreferencesForm api={api} status={status} onSaved={setStatus} />
      {status.nextRoundAt ? (
        <Body1 as="p" className={styles.meta}>
          {t('buddies.nextRound', { date: words.dateTime(status.nextRoundAt, locale) })}
        </Body1>
      ) : null}
      {status.cadence ? null : (
        <Body1 as="p" className={styles.meta}>
          {t('buddies.noCadence')}
        </Body1>
      )}
      {status.current.length > 0 ? (
        <ul className={styles.current}>
          {status.current.map((buddy) => (
            <li key={`${buddy.poolId}/${buddy.roundId}`}>
              <CurrentBuddy api={api} teamId={status.teamId} buddy={buddy} locale={locale} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
