import { useCallback } from 'react';
import { Body1, Link, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BuddyRoundResponse, LatestBuddyRound } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import type { KeyValueStore } from '../../shared/local-store';
import { hrefFor } from '../../shared/routes';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import { getLatestBuddyRound } from './buddies-api';
import { BuddyTeamScope } from './buddy-team-scope';
import { useBuddyWords } from './buddy-words';
import { RoundHistory, RoundPairs, RoundPeople } from './round-parts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface BuddyRoundViewProps {
  readonly api: ApiClient;
  readonly store?: KeyValueStore | undefined;
  /** The team the link named, or the one Teams opened the tab in; else one of mine. */
  readonly teamId?: string | undefined;
  /** Locale for dates (e.g. `nl-NL`). */
  readonly locale: string;
}

/**
 * The latest buddy round of a team (`#/buddies`, `?view=buddies`). Owners see every pair with its
 * reason and answers, who was left over or skipped, and participation over rounds; a member sees
 * their own pair only — the service decides what each may see, the view shows what it got.
 */
export default function BuddyRoundView({ api, store, teamId, locale }: BuddyRoundViewProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <section className={styles.root} aria-labelledby="buddy-round-title" data-testid="buddy-round">
      <Title2 as="h1" id="buddy-round-title" className={styles.title}>
        {t('buddies.round.title')}
      </Title2>
      <BuddyTeamScope api={api} store={store} teamId={teamId}>
        {(id) => <RoundLoader key={id} api={api} teamId={id} locale={locale} />}
      </BuddyTeamScope>
      <div>
        <Link href={hrefFor({ name: 'settings' })}>{t('buddies.round.back')}</Link>
      </div>
    </section>
  );
}

function RoundLoader({ api, teamId, locale }: { readonly api: ApiClient; readonly teamId: string; readonly locale: string }) {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => getLatestBuddyRound(api, teamId, signal), [api, teamId]);
  const round = useAsync(load);
  if (round.status === 'loading') return <LoadingState label={t('buddies.round.loading')} />;
  if (round.status === 'error') return <ErrorState error={round.error} onRetry={round.retry} />;
  const { round: latest, history } = round.data;
  if (!latest) return <MessageState title={t('buddies.round.emptyTitle')} text={t('buddies.round.emptyText')} />;
  return <Round round={latest} history={history} locale={locale} />;
}

function Round({
  round,
  history,
  locale,
}: {
  readonly round: LatestBuddyRound;
  readonly history: BuddyRoundResponse['history'];
  readonly locale: string;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const words = useBuddyWords();
  // Only owners get the round's other parts; a member's answer has none of them.
  const ownerView = round.leftOver !== undefined || round.skipped !== undefined || history !== undefined;
  return (
    <>
      <Body1 as="p" className={styles.meta}>
        {t('buddies.round.period', { start: words.dateTime(round.startedAt, locale), end: words.dateTime(round.endsAt, locale) })}
      </Body1>
      {ownerView ? null : (
        <Body1 as="p" className={styles.meta}>
          {t('buddies.round.memberNote')}
        </Body1>
      )}
      <RoundPairs
        pairs={round.pairs}
        heading={ownerView ? t('buddies.round.pairs') : t('buddies.round.pairsMine')}
        none={ownerView ? t('buddies.round.noPairs') : t('buddies.round.noPairsMine')}
      />
      {round.leftOver ? (
        <RoundPeople heading={t('buddies.round.leftOver')} people={round.leftOver} none={t('buddies.round.leftOverNone')} />
      ) : null}
      {round.skipped ? (
        <RoundPeople heading={t('buddies.round.skipped')} people={round.skipped} none={t('buddies.round.skippedNone')} />
      ) : null}
      {history && history.length > 0 ? <RoundHistory history={history} locale={locale} /> : null}
    </>
  );
}
