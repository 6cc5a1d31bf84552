import { Component, Suspense, lazy, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Body1, Button, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { InsightsResponse } from '../../../../bot/src/api/contract';
import { LoadingState } from '../../shared/ui/loading-state';
import { CHART_SLOT_HEIGHT, loadParticipationChart } from './chart-slot';
import { CsvButton } from './csv-button';
import type { CsvSource } from './csv-button';
import { trendPercent } from './insights-range';
import { INSIGHTS_NS } from './insights-strings';
import { useInsightsStyles } from './insights-styles';
import { usePeriodLabel } from './period-label';
import { ScrollBox } from './scroll-box';

// The charts library is large: it comes with this chunk, on the first visit to Insights only (the view starts fetching it with the report).
const ParticipationChart = lazy(loadParticipationChart);

interface ParticipationSectionProps {
  readonly report: InsightsResponse;
  readonly locale: string;
  readonly csv: CsvSource;
}

/** Sessions held and distinct learners and teachers per period: the trend in words, a chart, and the same numbers as a table. */
export function ParticipationSection({ report, locale, csv }: ParticipationSectionProps) {
  const shared = useInsightsStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const headingId = useId('insights-participation');
  const tableId = useId('participation-table');
  const [tableShown, setTableShown] = useState(false);
  const chartBox = useRef<HTMLDivElement>(null);
  const chartWidth = useBoxWidth(chartBox);
  const { points, totals, trend } = report.participation;
  const number = new Intl.NumberFormat(locale);
  const label = usePeriodLabel(locale, report.timeZone, report.granularity);
  const percent = trendPercent(points);
  const trendText =
    trend === 'up' || trend === 'down'
      ? percent === undefined
        ? t(`participation.trend.${trend}NoPercent`)
        : t(`participation.trend.${trend}`, { percent: number.format(percent) })
      : t(`participation.trend.${trend}`);
  const legends = {
    sessionsHeld: t('participation.sessionsHeld'),
    learners: t('participation.learners'),
    teachers: t('participation.teachers'),
  };
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="insights-participation">
      <div className={shared.headingRow}>
        <h2 id={headingId} className={shared.heading}>
          {t('participation.title')}
        </h2>
        <CsvButton source={csv} table="participation" />
      </div>
      <Body1 as="p" className={shared.text} data-testid="participation-trend">
        {trendText}
      </Body1>
      <Body1 as="p" className={shared.text}>
        {t('participation.totals', {
          sessions: number.format(totals.sessionsHeld),
          attendances: number.format(totals.attendances),
          learners: number.format(totals.distinctLearners),
          teachers: number.format(totals.distinctTeachers),
        })}
      </Body1>
      <ScrollBox ref={chartBox} label={t('participation.title')}>
        {/* A slot of the chart's size: the figures and tables below do not move when it arrives. */}
        <div style={{ minHeight: CHART_SLOT_HEIGHT }}>
          {chartWidth > 0 ? (
            <ChartBoundary fallback={<Body1 as="p">{t('participation.chartFailed')}</Body1>}>
              <Suspense fallback={<LoadingState label={t('participation.chartLoading')} />}>
                <ParticipationChart
                  points={points}
                  legends={legends}
                  title={t('participation.title')}
                  locale={locale}
                  timeZone={report.timeZone}
                  width={chartWidth}
                />
              </Suspense>
            </ChartBoundary>
          ) : null}
        </div>
      </ScrollBox>
      <div>
        <Button aria-expanded={tableShown} aria-controls={tableId} onClick={() => setTableShown((shown) => !shown)}>
          {tableShown ? t('participation.hideTable') : t('participation.showTable')}
        </Button>
      </div>
      {/* Always there for screen readers; shown on the page on request. */}
      <div
        id={tableId}
        className={tableShown ? shared.scroller : shared.visuallyHidden}
        data-testid="participation-table"
        {...(tableShown ? { role: 'group', 'aria-label': t('participation.tableCaption'), tabIndex: 0 } : {})}
      >
        <table className={shared.table}>
          <caption>{t('participation.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participation.period')}</th>
              <th scope="col">{legends.sessionsHeld}</th>
              <th scope="col">{t('participation.attendances')}</th>
              <th scope="col">{legends.learners}</th>
              <th scope="col">{legends.teachers}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.period}>
                <th scope="row">{label(p.startsAt)}</th>
                <td className={shared.number}>{number.format(p.sessionsHeld)}</td>
                <td className={shared.number}>{number.format(p.attendances)}</td>
                <td className={shared.number}>{number.format(p.distinctLearners)}</td>
                <td className={shared.number}>{number.format(p.distinctTeachers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The width the chart may fill. Zero where nothing is laid out (no window to draw in): then the
 * charts library is not even loaded, and the table still carries every number. Only the observer
 * reads it, after the browser's own layout: reading it while rendering forced a layout of the whole
 * report first (~0.2 s before the figures could be painted).
 */
function useBoxWidth(ref: { readonly current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setWidth(box.clientWidth));
    observer.observe(box);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** A chart that cannot load (offline, an old chunk after a deploy) leaves the table, never a blank section. */
class ChartBoundary extends Component<{ readonly fallback: ReactNode; readonly children: ReactNode }, { readonly failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
