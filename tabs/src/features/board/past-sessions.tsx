import { useEffect, useRef, useState } from 'react';
import { Button, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api-client';
import type { BoardSession } from '../../shared/sessions/board-session';
import { getPastSessions } from '../../shared/sessions/get-team-sessions';
import { SessionCard } from '../../shared/sessions/session-card';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { useSectionStyles } from '../../shared/ui/section-styles';

const useStyles = makeStyles({
  toggle: {
    justifyContent: 'flex-start',
    paddingInline: 0,
    minWidth: 0,
    fontSize: 'inherit',
    fontWeight: 'inherit',
    color: tokens.colorNeutralForeground1,
  },
  chevron: {
    display: 'inline-block',
    marginInlineEnd: tokens.spacingHorizontalS,
    transitionProperty: 'transform',
    transitionDuration: tokens.durationFast,
  },
  chevronOpen: { transform: 'rotate(90deg)' },
});

export interface PastSessionsProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly locale: string;
  readonly timeZone: string | undefined;
  /** The team's zone: session times on its clock, the viewer's beside when different. */
  readonly teamTimeZone?: string | undefined;
}

type Pages =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'error'; readonly error: unknown; readonly sessions: readonly BoardSession[]; readonly cursor?: string }
  | { readonly status: 'more' | 'success'; readonly sessions: readonly BoardSession[]; readonly cursor?: string };

/**
 * Past and cancelled sessions, folded away and fetched page by page only when someone opens them, so a
 * team with years of history gets its board as fast as a new team. The WAI-ARIA disclosure pattern: a
 * button inside the heading, so the outline still lists it.
 */
export function PastSessions({ api, teamId, locale, timeZone, teamTimeZone }: PastSessionsProps) {
  const styles = useStyles();
  const shared = useSectionStyles();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [pages, setPages] = useState<Pages>({ status: 'idle' });
  const listId = useId('past-sessions');
  const inFlight = useRef<AbortController | null>(null);
  const zone = timeZone ? { timeZone } : {};

  useEffect(() => () => inFlight.current?.abort(), []);

  const load = (before: readonly BoardSession[], cursor?: string) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setPages(before.length === 0 ? { status: 'loading' } : { status: 'more', sessions: before, ...(cursor ? { cursor } : {}) });
    getPastSessions(api, teamId, cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setPages({ status: 'success', sessions: [...before, ...page.sessions], ...(page.nextCursor ? { cursor: page.nextCursor } : {}) });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setPages({ status: 'error', error, sessions: before, ...(cursor ? { cursor } : {}) });
      },
    );
  };

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && pages.status === 'idle') load([]);
  };

  const sessions = 'sessions' in pages ? pages.sessions : [];
  const cursor = 'cursor' in pages ? pages.cursor : undefined;

  return (
    <section className={shared.section}>
      <h2 className={shared.heading}>
        <Button appearance="transparent" className={styles.toggle} aria-expanded={open} aria-controls={listId} onClick={toggle}>
          <span aria-hidden="true" className={mergeClasses(styles.chevron, open && styles.chevronOpen)}>
            ›
          </span>
          {t('board.past')}
        </Button>
      </h2>
      <div id={listId} hidden={!open}>
        {open ? (
          <>
            {sessions.length > 0 ? (
              <ul className={shared.sessionGrid}>
                {sessions.map((session) => (
                  <li key={session.sessionId}>
                    <SessionCard session={session} locale={locale} {...zone} teamTimeZone={teamTimeZone} />
                  </li>
                ))}
              </ul>
            ) : null}
            {pages.status === 'loading' || pages.status === 'more' ? <LoadingState label={t('board.pastLoading')} /> : null}
            {pages.status === 'error' ? <ErrorState headingLevel={3} error={pages.error} onRetry={() => load(sessions, cursor)} /> : null}
            {pages.status === 'success' && cursor ? (
              <div>
                <Button onClick={() => load(sessions, cursor)}>{t('board.morePast')}</Button>
              </div>
            ) : null}
            {pages.status === 'success' && sessions.length === 0 ? <p>{t('board.pastNone')}</p> : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
