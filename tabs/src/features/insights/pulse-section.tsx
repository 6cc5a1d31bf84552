import { useCallback, useState } from 'react';
import { Body1, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PULSE_MIN_ANSWERS } from '../../../../bot/src/api/contract';
import type { PulseResults } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { getLatestPulse } from './insights-api';
import { INSIGHTS_NS } from './insights-strings';
import { useInsightsStyles } from './insights-styles';
import { PostPulseForm } from './post-pulse-form';
import { ScrollBox } from './scroll-box';

interface PulseSectionProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly owner: boolean;
  readonly locale: string;
}

/** The latest pulse survey's results (scores only from PULSE_MIN_ANSWERS answers on) and, for owners, posting a new one. */
export function PulseSection({ api, teamId, owner, locale }: PulseSectionProps) {
  const shared = useInsightsStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const headingId = useId('insights-pulse');
  const load = useCallback((signal: AbortSignal) => getLatestPulse(api, teamId, signal), [api, teamId]);
  const latest = useAsync(load);
  const [posted, setPosted] = useState<PulseResults | undefined>(undefined);
  const pulse = posted ?? (latest.status === 'success' ? latest.data : undefined);
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="insights-pulse">
      <h2 id={headingId} className={shared.heading}>
        {t('pulse.title')}
      </h2>
      {latest.status === 'loading' && !posted ? <LoadingState label={t('loading')} /> : null}
      {latest.status === 'error' && !posted ? <ErrorState error={latest.error} onRetry={latest.retry} headingLevel={3} /> : null}
      {latest.status === 'success' && !pulse ? (
        <Body1 as="p" className={shared.text}>
          {t('pulse.none')}
        </Body1>
      ) : null}
      {pulse ? <PulseResultsView pulse={pulse} locale={locale} /> : null}
      {owner ? <PostPulseForm api={api} teamId={teamId} onPosted={setPosted} /> : null}
    </section>
  );
}

function PulseResultsView({ pulse, locale }: { readonly pulse: PulseResults; readonly locale: string }) {
  const shared = useInsightsStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(pulse.postedAt));
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  return (
    <div data-testid="pulse-results">
      <Body1 as="p" className={shared.text}>
        {t('pulse.postedOn', { date })} · {pulse.open ? t('pulse.open') : t('pulse.closed')} ·{' '}
        {t('pulse.responses', { count: pulse.responses })}
      </Body1>
      {pulse.questions ? (
        <ScrollBox label={t('pulse.title')}>
          <table className={shared.table}>
            <caption className={shared.visuallyHidden}>{t('pulse.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pulse.question')}</th>
                <th scope="col">{t('pulse.average')}</th>
              </tr>
            </thead>
            <tbody>
              {pulse.questions.map((q) => (
                <tr key={q.question}>
                  <th scope="row">{t(`pulse.questions.${q.question}`)}</th>
                  <td className={shared.number}>{average.format(q.average)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : (
        <Body1 as="p" className={shared.hint}>
          {t('pulse.soFar', { count: pulse.responses, min: PULSE_MIN_ANSWERS })}
        </Body1>
      )}
    </div>
  );
}
