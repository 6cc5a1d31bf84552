import { useCallback, useState } from 'react';
import { Body1, Button, Field, Input, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { OpenSessionSummary, OpenSessionsResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { useAsync } from '../../shared/use-async';
import { useDebounced } from '../../shared/use-debounced';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import { useSectionStyles } from '../../shared/ui/section-styles';
import { getOpenSessions } from './open-sessions-api';
import { OpenSessionList } from './open-session-list';

const PAGE = 20;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  search: { maxWidth: '28rem' },
});

interface OpenSessionsViewProps {
  readonly api: ApiClient;
  readonly locale: string;
  readonly timeZone?: string;
  /** Milliseconds of quiet typing before a search goes out. */
  readonly debounceMs?: number;
}

/** "Open to everyone": upcoming sessions of every team of the organisation that anyone may join; searchable, paged. */
export default function OpenSessionsView({ api, locale, timeZone, debounceMs = 300 }: OpenSessionsViewProps) {
  const styles = useStyles();
  const shared = useSectionStyles();
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), debounceMs);
  const load = useCallback((signal: AbortSignal) => getOpenSessions(api, { q, limit: PAGE }, signal), [api, q]);
  const first = useAsync(load);
  // Further pages belong to the first page they follow: a new search starts over.
  const [more, setMore] = useState<{
    readonly for: OpenSessionsResponse;
    readonly sessions: readonly OpenSessionSummary[];
    readonly cursor?: string;
  }>();
  const [moreState, setMoreState] = useState<'idle' | 'loading' | { readonly failed: unknown }>('idle');
  const page = first.status === 'success' ? first.data : undefined;
  const extra = more && more.for === page ? more : undefined;
  const cursor = extra ? extra.cursor : page?.nextCursor;
  const loadMore = async () => {
    if (!page || !cursor) return;
    setMoreState('loading');
    try {
      const next = await getOpenSessions(api, { q, limit: PAGE, cursor });
      setMore({
        for: page,
        sessions: [...(extra?.sessions ?? []), ...next.sessions],
        ...(next.nextCursor ? { cursor: next.nextCursor } : {}),
      });
      setMoreState('idle');
    } catch (error: unknown) {
      setMoreState({ failed: error });
    }
  };
  const shown = page ? [...page.sessions, ...(extra?.sessions ?? [])] : [];

  return (
    <section className={styles.root} data-testid="open-sessions" aria-labelledby="open-title">
      <Title2 as="h1" id="open-title" className={styles.title}>
        {t('open.title')}
      </Title2>
      <Body1 as="p" className={styles.intro}>
        {t('open.intro')}
      </Body1>
      <div role="search">
        <Field label={t('open.search')} className={styles.search}>
          <Input type="search" value={text} maxLength={100} onChange={(_, d) => setText(d.value)} />
        </Field>
      </div>
      {first.status === 'loading' ? <LoadingState label={t('open.loading')} /> : null}
      {first.status === 'error' ? <ErrorState error={first.error} onRetry={first.retry} /> : null}
      {page && shown.length === 0 ? (
        q ? (
          <MessageState title={t('open.noMatchTitle', { query: q })} text={t('open.noMatchText')} />
        ) : (
          <MessageState title={t('open.emptyTitle')} text={t('open.emptyText')} />
        )
      ) : null}
      {shown.length > 0 ? (
        <section className={shared.section} aria-labelledby="open-list-heading">
          <h2 id="open-list-heading" className={shared.heading}>
            {t('open.listHeading')}
          </h2>
          <OpenSessionList api={api} sessions={shown} locale={locale} timeZone={timeZone} />
        </section>
      ) : null}
      {moreState === 'loading' ? <LoadingState label={t('open.loading')} /> : null}
      {typeof moreState === 'object' ? <ErrorState headingLevel={2} error={moreState.failed} onRetry={() => void loadMore()} /> : null}
      {cursor && moreState === 'idle' ? (
        <div>
          <Button onClick={() => void loadMore()}>{t('open.more')}</Button>
        </div>
      ) : null}
    </section>
  );
}
