import { useCallback } from 'react';
import { Link } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api-client';
import { hrefFor } from '../../shared/routes';
import { useAsync } from '../../shared/use-async';
import { useSectionStyles } from '../../shared/ui/section-styles';
import { getOpenSessions } from './open-sessions-api';
import { OpenSessionList } from './open-session-list';

const SHOWN = 3;

interface OpenSessionsSectionProps {
  readonly api: ApiClient;
  /** The board's team: its own sessions are in the board's list already. */
  readonly teamId: string;
  readonly locale: string;
  readonly timeZone?: string | undefined;
}

/** The board's "Open to everyone": the next few sessions of other teams anyone may join; nothing at all when there are none. */
export function OpenSessionsSection({ api, teamId, locale, timeZone }: OpenSessionsSectionProps) {
  const shared = useSectionStyles();
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => getOpenSessions(api, { limit: SHOWN, exceptTeam: teamId }, signal), [api, teamId]);
  const state = useAsync(load);
  if (state.status !== 'success') return null;
  const others = state.data.sessions;
  if (others.length === 0) return null;
  return (
    <section className={shared.section} aria-labelledby="open-board-heading" data-testid="open-board">
      <h2 id="open-board-heading" className={shared.heading}>
        {t('open.boardHeading')}
      </h2>
      <OpenSessionList api={api} sessions={others.slice(0, SHOWN)} locale={locale} timeZone={timeZone} />
      <div>
        <Link href={hrefFor({ name: 'open' })}>{t('open.boardSeeAll')}</Link>
      </div>
    </section>
  );
}
