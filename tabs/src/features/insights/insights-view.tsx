import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Body1, Caption1, Link, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Granularity, InsightsResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { getMe } from '../../shared/get-me';
import type { KeyValueStore } from '../../shared/local-store';
import { hrefFor } from '../../shared/routes';
import { useAfterPaint } from '../../shared/use-after-paint';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import { loadParticipationChart } from './chart-slot';
import { FeedbackSection } from './feedback-section';
import { GoalsSection } from './goals-section';
import { getInsights } from './insights-api';
import type { InsightsQuery } from './insights-range';
import { DEFAULT_RANGE, rangeQuery } from './insights-range';
import type { RangeMonths } from './insights-range';
import { INSIGHTS_NS, WithInsightsStrings } from './insights-strings';
import { ParticipationSection } from './participation-section';
import { PulseSection } from './pulse-section';
import { QuietMembersSection } from './quiet-members-section';
import { RangeControls } from './range-controls';
import { SkillsMatrixSection } from './skills-matrix-section';
import { pickTeam, useChosenTeam } from '../../shared/chosen-team';
import { TeamPicker } from '../../shared/ui/team-picker';

const useStyles = makeStyles({
  // minWidth 0 lets wide parts (the chart, the matrix) scroll inside their section instead of widening the page.
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0, maxWidth: '100%' },
  title: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  team: { maxWidth: '24rem' },
  asOf: { color: tokens.colorNeutralForeground2 },
});

export interface InsightsViewProps {
  readonly api: ApiClient;
  readonly store?: KeyValueStore | undefined;
  /** Locale for dates and numbers. */
  readonly locale: string;
  /** The team Teams opened the tab in; otherwise one of the caller's teams. */
  readonly contextTeamId?: string | undefined;
  /** "Today" for the range picker (tests pass one; the app uses the clock). */
  readonly now?: Date | undefined;
}

/** Insights (DESIGN F10, issue #14): goals, participation, feedback, the skills matrix, quiet members and the pulse. */
export default function InsightsView(props: InsightsViewProps) {
  return (
    <WithInsightsStrings>
      <InsightsPage {...props} />
    </WithInsightsStrings>
  );
}

function InsightsPage({ api, store, locale, contextTeamId, now }: InsightsViewProps) {
  const styles = useStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  return (
    <section className={styles.root} data-testid="insights" aria-labelledby="insights-title">
      <Title2 as="h1" id="insights-title" className={styles.title}>
        {t('title')}
      </Title2>
      <Body1 as="p" className={styles.intro}>
        {t('intro')}
      </Body1>
      {contextTeamId ? (
        <TeamInsights api={api} teamId={contextTeamId} locale={locale} now={now} />
      ) : (
        <MyTeamInsights api={api} store={store} locale={locale} now={now} />
      )}
    </section>
  );
}

function MyTeamInsights({ api, store, locale, now }: Omit<InsightsViewProps, 'contextTeamId'>) {
  const styles = useStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const load = useCallback((signal: AbortSignal) => getMe(api, signal), [api]);
  const me = useAsync(load);
  const { chosen, choose } = useChosenTeam(store);
  if (me.status === 'loading') {
    // The remembered team's report starts at once, in parallel with /me (as the board does); the same
    // element (same key, same place) carries on when /me answers, so nothing loads twice.
    if (!chosen) return <LoadingState label={t('loading')} />;
    return (
      <>
        {null}
        <TeamInsights key={chosen} api={api} teamId={chosen} locale={locale} now={now} />
      </>
    );
  }
  if (me.status === 'error') return <ErrorState error={me.error} onRetry={me.retry} />;
  const team = pickTeam(me.data.teams, chosen);
  if (!team) return <MessageState title={t('noTeamTitle')} text={t('noTeamText')} />;
  return (
    <>
      <TeamPicker teams={me.data.teams} teamId={team.teamId} onChoose={choose} label={t('team')} className={styles.team} />
      <TeamInsights key={team.teamId} api={api} teamId={team.teamId} locale={locale} now={now} />
    </>
  );
}

interface TeamInsightsProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly locale: string;
  readonly now?: Date | undefined;
}

function TeamInsights({ api, teamId, locale, now }: TeamInsightsProps) {
  const { t } = useTranslation(INSIGHTS_NS);
  const [months, setMonths] = useState<RangeMonths>(DEFAULT_RANGE.months);
  const [granularity, setGranularity] = useState<Granularity>(DEFAULT_RANGE.granularity);
  const [today] = useState(() => now ?? new Date());
  const query = useMemo(() => rangeQuery(months, granularity, today), [months, granularity, today]);
  const load = useCallback((signal: AbortSignal) => getInsights(api, teamId, query, signal), [api, teamId, query]);
  const report = useAsync(load);
  useEffect(() => {
    // The chart's chunk on its way while the API answers; where there is no layout (no ResizeObserver) no chart is drawn.
    if (typeof ResizeObserver !== 'undefined') loadParticipationChart().catch(() => undefined);
  }, []);
  return (
    <>
      <RangeControls months={months} granularity={granularity} onMonths={setMonths} onGranularity={setGranularity} />
      {report.status === 'loading' ? <LoadingState label={t('loading')} /> : null}
      {report.status === 'error' ? <ErrorState error={report.error} onRetry={report.retry} /> : null}
      {report.status === 'success' ? <Report api={api} report={report.data} query={query} locale={locale} /> : null}
    </>
  );
}

function Report({
  api,
  report,
  query,
  locale,
}: {
  readonly api: ApiClient;
  readonly report: InsightsResponse;
  readonly query: InsightsQuery;
  readonly locale: string;
}) {
  const styles = useStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  // The API sends `quiet` to owners only: what it answers decides, the tab holds no role of its own.
  const owner = report.quiet !== undefined;
  const asOf = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: report.timeZone }).format(
    new Date(report.asOf),
  );
  const csv = { api, teamId: report.teamId, query };
  const empty = report.participation.totals.sessionsHeld === 0;
  // The goals and the participation figures are the first screen; the sections below them (a team of
  // 200 makes the skills matrix thousands of cells, and laying them out held the figures back by
  // about a second) are drawn once the figures are painted, in an interruptible render of their own.
  const rest = useDeferredValue(useAfterPaint());
  return (
    <>
      <Caption1 className={styles.asOf} data-testid="insights-as-of">
        {t('asOf', { date: asOf })}
      </Caption1>
      <GoalsSection goals={report.goals} owner={owner} locale={locale} />
      {empty ? (
        <MessageState headingLevel={2} title={t('emptyTitle')} text={t('emptyText')}>
          <Link href={hrefFor({ name: 'plan', teamId: report.teamId })}>{t('planOne')}</Link>
        </MessageState>
      ) : (
        <ParticipationSection report={report} locale={locale} csv={csv} />
      )}
      {rest ? (
        <>
          {empty ? null : <FeedbackSection feedback={report.feedback} locale={locale} timeZone={report.timeZone} csv={csv} />}
          <SkillsMatrixSection api={api} teamId={report.teamId} matrix={report.skills} csv={csv} />
          {report.quiet ? <QuietMembersSection api={api} teamId={report.teamId} quiet={report.quiet} locale={locale} csv={csv} /> : null}
          <PulseSection api={api} teamId={report.teamId} owner={owner} locale={locale} />
        </>
      ) : null}
    </>
  );
}
