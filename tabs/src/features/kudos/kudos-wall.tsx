import { useCallback, useState } from 'react';
import { Body1, Button, Caption1, Card, Link, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { KudosView } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { usePersonName } from '../../shared/person-name';
import { hrefFor } from '../../shared/routes';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import { getKudos } from './get-kudos';
import { GiveKudosForm } from './give-kudos-form';
import { useSectionStyles } from '../../shared/ui/section-styles';

const useStyles = makeStyles({
  card: { height: '100%', gap: tokens.spacingVerticalS },
  quote: { margin: 0, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

export interface KudosWallProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly locale: string;
  readonly timeZone?: string | undefined;
}

/** DESIGN F6: thanks between colleagues, newest first. Deliberately no counts or "most thanked": a wall, not a leaderboard. */
export function KudosWall({ api, teamId, locale, timeZone }: KudosWallProps) {
  const shared = useSectionStyles();
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId('kudos');
  const formId = useId('give-kudos');
  const [giving, setGiving] = useState(false);
  const load = useCallback((signal: AbortSignal) => getKudos(api, teamId, signal), [api, teamId]);
  const kudos = useAsync(load);
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="kudos-wall">
      <div className={styles.header}>
        <h2 id={headingId} className={shared.heading}>
          {t('kudos.title')}
        </h2>
        <Button aria-expanded={giving} aria-controls={formId} onClick={() => setGiving((g) => !g)}>
          {giving ? t('kudos.give.close') : t('kudos.give.open')}
        </Button>
      </div>
      <div id={formId}>{giving ? <GiveKudosForm api={api} teamId={teamId} onGiven={kudos.retry} /> : null}</div>
      {kudos.status === 'loading' ? <LoadingState label={t('kudos.loading')} /> : null}
      {kudos.status === 'error' ? <ErrorState error={kudos.error} onRetry={kudos.retry} headingLevel={3} /> : null}
      {kudos.status === 'success' && kudos.data.kudos.length === 0 ? (
        <MessageState headingLevel={3} title={t('kudos.emptyTitle')} text={t('kudos.emptyText')} />
      ) : null}
      {kudos.status === 'success' && kudos.data.kudos.length > 0 ? (
        <ul className={shared.tileGrid}>
          {kudos.data.kudos.map((k) => (
            <li key={k.kudosId}>
              <KudosCard kudos={k} teamId={teamId} locale={locale} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function KudosCard({
  kudos,
  teamId,
  locale,
  timeZone,
}: {
  readonly kudos: KudosView;
  readonly teamId: string;
  readonly locale: string;
  readonly timeZone: string | undefined;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const personName = usePersonName();
  const name = (person: KudosView['from'], start: boolean) => personName(person, { start, unknown: t('kudos.someone') });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(
    new Date(kudos.createdAt),
  );
  return (
    <Card className={styles.card} data-testid="kudos-item">
      <Text as="h3" weight="semibold" size={300} style={{ margin: 0 }}>
        {t('kudos.thanked', { from: name(kudos.from, true), to: name(kudos.to, false) })}
      </Text>
      <blockquote className={styles.quote}>
        <Body1>{kudos.message}</Body1>
      </blockquote>
      <Caption1 className={styles.meta}>
        <time dateTime={kudos.createdAt}>{date}</time>
        {kudos.session ? (
          <>
            {' · '}
            <Link href={hrefFor({ name: 'session', teamId, sessionId: kudos.session.sessionId })}>
              {t('kudos.forSession', { title: kudos.session.title })}
            </Link>
          </>
        ) : null}
      </Caption1>
    </Card>
  );
}
