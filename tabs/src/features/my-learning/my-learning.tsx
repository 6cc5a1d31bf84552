import { useCallback } from 'react';
import { Body1, Link, Tag, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../../bot/src/api/contract';
import { getMe } from '../../shared/get-me';
import { hrefFor } from '../../shared/routes';
import type { ApiClient } from '../../shared/api-client';
import type { BoardSession } from '../../shared/sessions/board-session';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import { getTeamSessions } from '../../shared/sessions/get-team-sessions';
import { SessionCard } from '../../shared/sessions/session-card';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  title: { margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  grid: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 20rem), 1fr))',
  },
  tags: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

interface MyLearning {
  readonly me: MeResponse;
  readonly sessions: readonly BoardSession[];
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

async function loadMyLearning(api: ApiClient, signal: AbortSignal): Promise<MyLearning> {
  const me = await getMe(api, signal);
  const boards = await Promise.all(me.teams.map((team) => getTeamSessions(api, team.teamId, signal)));
  const sessions = boards
    .flatMap((b) => b.sessions as readonly BoardSession[])
    .filter((s) => s.upcoming && s.status === 'scheduled' && isMine(s, me.userId))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return { me, sessions };
}

export default function MyLearningView({ api, locale }: { readonly api: ApiClient; readonly locale: string }) {
  const styles = useStyles();
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
          <section className={styles.section} aria-labelledby="my-upcoming">
            <h2 id="my-upcoming" className={styles.heading}>
              {t('myLearning.upcoming')}
            </h2>
            {data.data.sessions.length === 0 ? (
              <MessageState headingLevel={3} title={t('myLearning.upcoming')} text={t('myLearning.none')} />
            ) : (
              <ul className={styles.grid}>
                {data.data.sessions.map((session) => (
                  <li key={session.sessionId}>
                    <SessionCard session={session} locale={locale} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={styles.section} aria-labelledby="my-skills">
            <h2 id="my-skills" className={styles.heading}>
              {t('myLearning.mySkills')}
            </h2>
            {data.data.me.teaches.length === 0 ? (
              <Body1 as="p">{t('myLearning.noSkills')}</Body1>
            ) : (
              <ul className={styles.tags} aria-label={t('myLearning.mySkills')}>
                {data.data.me.teaches.map((skill) => (
                  <li key={skill.name}>
                    <Tag size="small" appearance="outline">
                      {skill.name} · {skill.level}
                    </Tag>
                  </li>
                ))}
              </ul>
            )}
            {data.data.me.wants.length > 0 ? (
              <Body1 as="p">
                {t('myLearning.wants')}: {data.data.me.wants.join(', ')}
              </Body1>
            ) : null}
            <Link href={hrefFor({ name: 'profile' })}>{t('myLearning.editProfile')}</Link>
          </section>
        </>
      ) : null}
    </section>
  );
}
