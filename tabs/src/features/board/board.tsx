import { Suspense, lazy, useEffect } from 'react';
import type { ReactNode } from 'react';
import { Button, Title2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../shared/routes';
import type { ApiClient } from '../../shared/api-client';
import type { BoardSession } from '../../shared/sessions/board-session';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import { SessionCard } from '../../shared/sessions/session-card';
import { cardRsvpOf, useRsvp } from '../../shared/sessions/use-rsvp';
import { useTeamSessions } from './use-team-sessions';
import type { MorePages } from './use-team-sessions';
import { useSectionStyles } from '../../shared/ui/section-styles';
import { useAfterPaint } from '../../shared/use-after-paint';
import { cardsAboveTheFold } from './cards-above-the-fold';

// The sections below the upcoming sessions load their code after the sessions are painted (SessionSections
// waits a frame): the board's first paint stays small and is not held up by six more chunks and their
// requests (bench/board-load.mjs, issue #16); each section brings its own loading state.
const LearningRequests = lazy(() => import('../requests/learning-requests').then((m) => ({ default: m.LearningRequests })));
const NewTips = lazy(() => import('../tips/new-tips').then((m) => ({ default: m.NewTips })));
const KudosWall = lazy(() => import('../kudos/kudos-wall').then((m) => ({ default: m.KudosWall })));
const BuddyBoardCard = lazy(() => import('../buddies/buddy-board-card').then((m) => ({ default: m.BuddyBoardCard })));
const OpenSessionsSection = lazy(() => import('../open/open-sessions-section').then((m) => ({ default: m.OpenSessionsSection })));
const GoalsBoardCard = lazy(() => import('../goals/goals-board-card').then((m) => ({ default: m.GoalsBoardCard })));
const PastSessions = lazy(() => import('./past-sessions').then((m) => ({ default: m.PastSessions })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  title: { margin: 0, overflowWrap: 'anywhere' },
});

export type BoardOutcome = { readonly kind: 'loaded' } | { readonly kind: 'failed'; readonly error: unknown };

interface BoardProps {
  readonly api: ApiClient;
  readonly teamId: string;
  /** Shown until the API answers with the team's own name. */
  readonly teamName?: string | undefined;
  /** Locale for dates and numbers (e.g. `nl-NL`). */
  readonly locale: string;
  readonly timeZone?: string;
  /** Called when the first answer (data or a designed error) is on screen. */
  readonly onSettled?: ((outcome: BoardOutcome) => void) | undefined;
}

/** The team knowledge board: upcoming sessions first, past ones folded away. */
export function Board({ api, teamId, teamName, locale, timeZone, onSettled }: BoardProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { first: sessions, more, hasMore, loadMore } = useTeamSessions(api, teamId);
  const rsvp = useRsvp(api);
  const titleId = useId('board-title');

  const status = sessions.status;
  const error = sessions.status === 'error' ? sessions.error : undefined;
  useEffect(() => {
    if (status === 'success') onSettled?.({ kind: 'loaded' });
    else if (status === 'error') onSettled?.({ kind: 'failed', error });
  }, [status, error, onSettled]);

  const title = (sessions.status === 'success' ? sessions.data.teamName : teamName) || t('board.fallbackTitle');

  return (
    <div data-testid="board" className={styles.root} aria-labelledby={titleId} role="region" aria-busy={status === 'loading'}>
      <div className={styles.header}>
        <Title2 as="h1" id={titleId} className={styles.title}>
          {title}
        </Title2>
        <Button as="a" appearance="primary" href={hrefFor({ name: 'plan', teamId })}>
          {t('board.plan')}
        </Button>
      </div>
      {sessions.status === 'loading' ? <LoadingState label={t('board.loading')} /> : null}
      {sessions.status === 'error' ? <ErrorState error={sessions.error} onRetry={sessions.retry} /> : null}
      {sessions.status === 'success' ? (
        <SessionSections
          sessions={[...sessions.data.sessions, ...more.sessions].map((s) => rsvp.shown.get(s.sessionId) ?? s)}
          hidden={hasMore ? Math.max(0, (sessions.data.upcomingCount ?? 0) - sessions.data.sessions.length - more.sessions.length) : 0}
          more={more}
          onMore={loadMore}
          rsvp={rsvp}
          locale={locale}
          timeZone={timeZone}
          teamTimeZone={sessions.data.timeZone}
          afterUpcoming={
            <>
              <Suspense fallback={<LoadingState label={t('board.loadingMore')} />}>
                <OpenSessionsSection api={api} teamId={teamId} locale={locale} timeZone={timeZone} />
                <GoalsBoardCard api={api} teamId={teamId} locale={locale} />
                <LearningRequests api={api} teamId={teamId} />
                <BuddyBoardCard api={api} teamId={teamId} locale={locale} />
                <NewTips api={api} teamId={teamId} locale={locale} timeZone={timeZone} />
                <KudosWall api={api} teamId={teamId} locale={locale} timeZone={timeZone} />
              </Suspense>
              {sessions.data.hasPast ? (
                <Suspense fallback={null}>
                  <PastSessions api={api} teamId={teamId} locale={locale} timeZone={timeZone} teamTimeZone={sessions.data.timeZone} />
                </Suspense>
              ) : null}
            </>
          }
        />
      ) : null}
    </div>
  );
}

interface SessionSectionsProps {
  readonly sessions: readonly BoardSession[];
  /** Upcoming sessions not fetched yet (0: none, or all shown). */
  readonly hidden: number;
  readonly more: MorePages;
  readonly onMore: () => void;
  readonly rsvp?: ReturnType<typeof useRsvp>;
  readonly locale: string;
  readonly timeZone: string | undefined;
  /** The team's zone: session times on its clock, the viewer's beside when different. */
  readonly teamTimeZone: string | undefined;
  /** Shown right below the upcoming sessions once they are painted (requests, tips, the kudos wall, the folded past ones). */
  readonly afterUpcoming?: ReactNode;
}

function SessionSections({ sessions, hidden, more, onMore, rsvp, locale, timeZone, teamTimeZone, afterUpcoming }: SessionSectionsProps) {
  const shared = useSectionStyles();
  const { t } = useTranslation();
  const upcomingId = useId('upcoming');
  const upcoming = sessions.filter((s) => s.upcoming);
  const zone = timeZone ? { timeZone } : {};
  const painted = useAfterPaint();
  // The first commit draws only the cards that can be on screen; the others (and the sections below)
  // follow one frame later, so the first cards are not held up by the work of the rest.
  const shown = painted ? upcoming : upcoming.slice(0, cardsAboveTheFold({ width: window.innerWidth, height: window.innerHeight }));

  return (
    <>
      <section className={shared.section} aria-labelledby={upcomingId}>
        <h2 id={upcomingId} className={shared.heading}>
          {t('board.upcoming')}
        </h2>
        {upcoming.length === 0 ? (
          <MessageState headingLevel={3} title={t('board.emptyTitle')} text={t('board.emptyText')} />
        ) : (
          <ul className={shared.sessionGrid}>
            {shown.map((session) => (
              <li key={session.sessionId}>
                <SessionCard
                  session={session}
                  locale={locale}
                  {...zone}
                  teamTimeZone={teamTimeZone}
                  rsvp={rsvp && session.status === 'scheduled' ? cardRsvpOf(rsvp, session, t) : undefined}
                />
              </li>
            ))}
          </ul>
        )}
        {more.status === 'loading' ? <LoadingState label={t('board.loading')} /> : null}
        {more.status === 'error' ? <ErrorState headingLevel={3} error={more.error} onRetry={onMore} /> : null}
        {hidden > 0 && more.status === 'idle' ? (
          <div>
            <Button onClick={onMore}>{t('board.showMore', { count: hidden })}</Button>
          </div>
        ) : null}
      </section>
      {painted ? afterUpcoming : null}
    </>
  );
}
