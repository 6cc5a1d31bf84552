import { useCallback } from 'react';
import { Body1, Button, Card, Link, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BuddyMeResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { hrefFor } from '../../shared/routes';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { useSectionStyles } from '../../shared/ui/section-styles';
import { getMyBuddy } from './buddies-api';
import { useBuddyWords } from './buddy-words';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS, maxWidth: '40rem' },
  text: { margin: 0, overflowWrap: 'anywhere' },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
});

export interface BuddyBoardCardProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly locale: string;
}

/** DESIGN F8 on the board: my current learning buddy in this team, or an invitation to opt in. */
export function BuddyBoardCard({ api, teamId, locale }: BuddyBoardCardProps) {
  const shared = useSectionStyles();
  const { t } = useTranslation();
  const headingId = useId('buddy-board');
  const load = useCallback((signal: AbortSignal) => getMyBuddy(api, teamId, signal), [api, teamId]);
  const status = useAsync(load);
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="buddy-board-card">
      <h2 id={headingId} className={shared.heading}>
        {t('buddies.board.title')}
      </h2>
      {status.status === 'loading' ? <LoadingState label={t('buddies.board.loading')} /> : null}
      {status.status === 'error' ? <ErrorState error={status.error} onRetry={status.retry} headingLevel={3} /> : null}
      {status.status === 'success' ? <BuddyGlance status={status.data} teamId={teamId} locale={locale} /> : null}
    </section>
  );
}

function BuddyGlance({ status, teamId, locale }: { readonly status: BuddyMeResponse; readonly teamId: string; readonly locale: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const words = useBuddyWords();
  const profile = hrefFor({ name: 'profile' });
  const round = hrefFor({ name: 'buddies', teamId });
  const buddy = status.current[0];
  if (buddy) {
    const [firstReason] = words.reasonLines(buddy.reason, buddy.buddies, 'mine');
    return (
      <Card className={styles.card}>
        <Body1 as="p" className={styles.text}>
          <strong>{t('buddies.current.with', { names: words.names(buddy.buddies) })}</strong>
        </Body1>
        {firstReason ? (
          <Body1 as="p" className={styles.text}>
            {firstReason}
          </Body1>
        ) : null}
        {buddy.firstTopic ? (
          <Body1 as="p" className={styles.text}>
            {t('buddies.current.firstTopic', { skill: buddy.firstTopic })}
          </Body1>
        ) : null}
        <div className={styles.links}>
          <Link href={profile}>{t('buddies.board.change')}</Link>
          <Link href={round}>{t('buddies.board.round')}</Link>
        </div>
      </Card>
    );
  }
  if (status.optIn || status.acrossOrganisation) {
    const waiting = status.skipNext
      ? t('buddies.board.skipping')
      : status.nextRoundAt
        ? t('buddies.board.waitingDate', { date: words.dateTime(status.nextRoundAt, locale) })
        : t('buddies.board.waiting');
    return (
      <Card className={styles.card}>
        <Body1 as="p" className={styles.text}>
          {waiting}
        </Body1>
        <div className={styles.links}>
          <Link href={profile}>{t('buddies.board.change')}</Link>
          <Link href={round}>{t('buddies.board.round')}</Link>
        </div>
      </Card>
    );
  }
  return (
    <Card className={styles.card}>
      <Body1 as="p" className={styles.text}>
        <strong>{t('buddies.board.inviteTitle')}</strong>
      </Body1>
      <Body1 as="p" className={styles.text}>
        {t('buddies.board.inviteText')}
      </Body1>
      <div>
        <Button as="a" href={profile}>
          {t('buddies.board.optIn')}
        </Button>
      </div>
    </Card>
  );
}
