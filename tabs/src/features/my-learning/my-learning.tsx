import { useCallback } from 'react';
import { Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MeResponse, MyLearningResponse } from '../../../../bot/src/api/contract';
import { getMe } from '../../shared/get-me';
import type { ApiClient } from '../../shared/api-client';
import type { BoardSession } from '../../shared/sessions/board-session';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import { useSectionStyles } from '../../shared/ui/section-styles';
import { getTeamSessions } from '../../shared/sessions/get-team-sessions';
import { SessionCard } from '../../shared/sessions/session-card';
import { getMyLearning } from './get-my-learning';
import { MySessionsSection, MySkillsSection } from './my-learning-lists';
import { GoalsSection, PeopleSections, StreakSection } from './my-progress-sections';
import { MyMilestonesSection } from './my-milestones-section';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  title: { margin: 0 },
  /** Two columns where there is room, one on a phone. */
  columns: {
    display: 'grid',
    gap: tokens.spacingVerticalXL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))',
    alignItems: 'start',
  },
});

interface MyLearningData {
  readonly me: MeResponse;
  /** Each with its team's zone: a session is shown on its team's clock, as on the board. */
  readonly sessions: readonly { readonly session: BoardSession; readonly teamTimeZone: string | undefined }[];
  readonly learning: MyLearningResponse;
  /** When it was loaded: the sparklines run up to this moment. */
  readonly at: number;
}

/** Mine across all my teams: sessions I host, teach, lead, or said I'd (maybe) go to. */
export function isMine(session: BoardSession, userId: string): boolean {
  return (
    session.host.userId === userId ||
    session.teachers.some((p) => p.userId === userId) ||
    session.discussionLeader?.userId === userId ||
    session.myRsvp === 'yes' ||
    session.myRsvp === 'maybe'
  );
}

async function loadMyLearning(api: ApiClient, signal: AbortSignal): Promise<MyLearningData> {
  const [me, learning] = await Promise.all([getMe(api, signal), getMyLearning(api, signal)]);
  const boards = await Promise.all(me.teams.map((team) => getTeamSessions(api, team.teamId, signal)));
  const sessions = boards
    .flatMap((b) => (b.sessions as readonly BoardSession[]).map((session) => ({ session, teamTimeZone: b.timeZone })))
    .filter(({ session: s }) => s.upcoming && s.status === 'scheduled' && isMine(s, me.userId))
    .sort((a, b) => Date.parse(a.session.startsAt) - Date.parse(b.session.startsAt));
  return { me, sessions, learning, at: Date.now() };
}

/** My learning (issue #14): what is coming, what I did, how my skills grew, and what others and my teams see of it. */
export default function MyLearningView({
  api,
  locale,
  timeZone,
}: {
  readonly api: ApiClient;
  readonly locale: string;
  /** The viewer's zone (default: the browser's); a seam for tests. */
  readonly timeZone?: string | undefined;
}) {
  const styles = useStyles();
  const section = useSectionStyles();
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => loadMyLearning(api, signal), [api]);
  const data = useAsync(load);
  return (
    <section className={styles.root} data-testid="my-learning" aria-labelledby="my-learning-title">
      <Title2 as="h1" id="my-learning-title" className={styles.title}>
        {t('myLearning.title')}
      </Title2>
      {data.status === 'loading' ? <LoadingState label={t('myLearning.loading')} /> : null}
      {data.status === 'error' ? <ErrorState error={data.error} onRetry={data.retry} /> : null}
      {data.status === 'success' ? (
        <>
          <section className={section.section} aria-labelledby="my-upcoming">
            <h2 id="my-upcoming" className={section.heading}>
              {t('myLearning.upcoming')}
            </h2>
            {data.data.sessions.length === 0 ? (
              <MessageState headingLevel={3} title={t('myLearning.upcoming')} text={t('myLearning.none')} />
            ) : (
              <ul className={section.sessionGrid}>
                {data.data.sessions.map(({ session, teamTimeZone }) => (
                  <li key={session.sessionId}>
                    <SessionCard session={session} locale={locale} timeZone={timeZone} teamTimeZone={teamTimeZone} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className={styles.columns}>
            <StreakSection streak={data.data.learning.streak} />
            <GoalsSection goals={data.data.learning.goals} locale={locale} />
          </div>
          <div className={styles.columns}>
            <MySessionsSection
              id="my-taught"
              title={t('myLearning.taughtTitle')}
              sessions={data.data.learning.taught}
              empty={t('myLearning.noTaught')}
              locale={locale}
              planTeamId={data.data.me.teams[0]?.teamId}
            />
            <MySessionsSection
              id="my-attended"
              title={t('myLearning.attendedTitle')}
              sessions={data.data.learning.attended}
              empty={t('myLearning.noAttended')}
              locale={locale}
              planTeamId={undefined}
            />
          </div>
          <div className={styles.columns}>
            <MySkillsSection skills={data.data.learning.skills} me={data.data.me} locale={locale} now={data.data.at} />
            <PeopleSections learning={data.data.learning} locale={locale} />
            <MyMilestonesSection milestones={data.data.learning.milestones ?? []} locale={locale} />
          </div>
        </>
      ) : null}
    </section>
  );
}
