import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { OpenSessionSummary } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { SessionCard } from '../../shared/sessions/session-card';
import { cardRsvpOf, useRsvp } from '../../shared/sessions/use-rsvp';
import { useSectionStyles } from '../../shared/ui/section-styles';

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  team: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

interface OpenSessionListProps {
  readonly api: ApiClient;
  readonly sessions: readonly OpenSessionSummary[];
  readonly locale: string;
  readonly timeZone?: string | undefined;
}

/** Sessions of several teams: each says which team holds it, shows the time on that team's clock, and takes an RSVP in place. */
export function OpenSessionList({ api, sessions, locale, timeZone }: OpenSessionListProps) {
  const shared = useSectionStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const rsvp = useRsvp(api);
  return (
    <ul className={shared.sessionGrid}>
      {sessions.map((loaded) => {
        const session = { ...loaded, ...rsvp.shown.get(loaded.sessionId) };
        return (
          <li key={`${session.teamId}|${session.sessionId}`} className={styles.item}>
            <Caption1 className={styles.team}>{t('open.team', { team: session.teamName })}</Caption1>
            <SessionCard
              session={session}
              locale={locale}
              {...(timeZone ? { timeZone } : {})}
              teamTimeZone={session.timeZone}
              rsvp={session.status === 'scheduled' ? cardRsvpOf(rsvp, session, t) : undefined}
            />
          </li>
        );
      })}
    </ul>
  );
}
