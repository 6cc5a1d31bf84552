import { useCallback } from 'react';
import { Link, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api-client';
import { hrefFor } from '../../shared/routes';
import { TipItem } from '../../shared/tips/tip-item';
import { listTips } from '../../shared/tips/tips-api';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import { useSectionStyles } from '../../shared/ui/section-styles';

/** A glance, not the library: the newest few, with the way to all of them. */
export const TIPS_ON_BOARD = 4;

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

export interface NewTipsProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly locale: string;
  readonly timeZone?: string | undefined;
}

/** DESIGN F11 board: the team's newest tips and training material (F9), newest first. */
export function NewTips({ api, teamId, locale, timeZone }: NewTipsProps) {
  const styles = useStyles();
  const shared = useSectionStyles();
  const { t } = useTranslation();
  const headingId = useId('new-tips');
  const load = useCallback(
    (signal: AbortSignal) => listTips(api, teamId, { q: '', skill: '', limit: TIPS_ON_BOARD }, signal),
    [api, teamId],
  );
  const tips = useAsync(load);
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="new-tips">
      <div className={styles.header}>
        <h2 id={headingId} className={shared.heading}>
          {t('tips.boardTitle')}
        </h2>
        <Link href={hrefFor({ name: 'tips' })}>{t('tips.all')}</Link>
      </div>
      {tips.status === 'loading' ? <LoadingState label={t('tips.loading')} /> : null}
      {tips.status === 'error' ? <ErrorState error={tips.error} onRetry={tips.retry} headingLevel={3} /> : null}
      {tips.status === 'success' && tips.data.tips.length === 0 ? (
        <MessageState headingLevel={3} title={t('tips.emptyTitle')} text={t('tips.emptyText')} />
      ) : null}
      {tips.status === 'success' && tips.data.tips.length > 0 ? (
        <ul className={shared.tileGrid}>
          {tips.data.tips.map((tip) => (
            <li key={tip.tipId}>
              <TipItem tip={tip} locale={locale} timeZone={timeZone} compact />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
