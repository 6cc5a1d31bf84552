import { useCallback, useState } from 'react';
import { Body1, Button, Card, CardHeader, Field, Input, Link, Select, Tag, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { EndorseRequest, EndorseResponse, ExpertResult, ExpertsResponse } from '../../../../bot/src/api/contract';
import { skillDisplayName } from '../../../../bot/src/api/contract';
import { ApiRequestError } from '../../shared/api-client';
import type { ApiClient } from '../../shared/api-client';
import { safeWebUrl } from '../../shared/safe-url';
import { useAsync } from '../../shared/use-async';
import { useDebounced } from '../../shared/use-debounced';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import type { ExpertQuery } from './search-experts';
import { expertPageSize, searchExperts } from './search-experts';
import { useExternalLinkClick } from '../../shared/open-link';
import { AskToLearnOffer } from './ask-to-learn-offer';
import type { KeyValueStore } from '../../shared/local-store';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  filters: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))' },
  search: { gridColumn: '1 / -1' },
  grid: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 18rem), 1fr))',
  },
  name: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  why: { margin: 0, color: tokens.colorNeutralForeground2 },
  tags: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  count: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const languageCodes = ['en', 'nl', 'de', 'fr'] as const;

export interface ExpertsViewProps {
  readonly api: ApiClient;
  readonly initialQuery?: string;
  /** Milliseconds of quiet typing before a search goes out. */
  readonly debounceMs?: number;
  /** The channel's team inside Teams: an empty search asks it to learn the skill (elsewhere: the team last chosen). */
  readonly teamId?: string | undefined;
  /** Where the tab remembers the team last chosen. */
  readonly store?: KeyValueStore | undefined;
}

/** Who knows X: search, filter by level and language, and see why each person is suggested. */
export default function ExpertsView({ api, initialQuery = '', debounceMs = 300, teamId, store }: ExpertsViewProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [text, setText] = useState(initialQuery);
  const [level, setLevel] = useState<ExpertQuery['level']>('');
  const [language, setLanguage] = useState('');
  const q = useDebounced(text, debounceMs);

  const load = useCallback(
    (signal: AbortSignal) => searchExperts(api, { q, level, language, skip: 0, count: expertPageSize }, signal),
    [api, q, level, language],
  );
  const result = useAsync(load);
  // "Show more" pages with skip (the API gives at most 25 at a time); a new search starts over.
  const [more, setMore] = useState<
    { readonly for: ExpertsResponse; readonly results: readonly ExpertResult[]; readonly done: boolean } | undefined
  >(undefined);
  const [moreFailed, setMoreFailed] = useState(false);
  const first = result.status === 'success' ? result.data : undefined;
  const extra = more && more.for === first ? more : undefined;
  const shown = first ? [...first.results, ...(extra?.results ?? [])] : [];
  const canLoadMore = first !== undefined && !(extra?.done ?? first.results.length < expertPageSize);
  const loadMore = async () => {
    if (!first) return;
    setMoreFailed(false);
    try {
      const page = await searchExperts(api, { q, level, language, skip: shown.length, count: expertPageSize });
      setMore({ for: first, results: [...(extra?.results ?? []), ...page.results], done: page.results.length < expertPageSize });
    } catch {
      setMoreFailed(true);
    }
  };

  return (
    <section className={styles.root} data-testid="experts" aria-labelledby="experts-title">
      <Title2 as="h1" id="experts-title" className={styles.title}>
        {t('experts.title')}
      </Title2>
      <div className={styles.filters} role="search">
        <Field label={t('experts.search')} className={styles.search}>
          <Input type="search" value={text} onChange={(_, d) => setText(d.value)} />
        </Field>
        <Field label={t('experts.level')}>
          <Select value={level} onChange={(_, d) => setLevel(d.value === '1' || d.value === '2' || d.value === '3' ? d.value : '')}>
            <option value="">{t('experts.anyLevel')}</option>
            <option value="1">{t('experts.levels.1')}</option>
            <option value="2">{t('experts.levels.2')}</option>
            <option value="3">{t('experts.levels.3')}</option>
          </Select>
        </Field>
        <Field label={t('experts.language')}>
          <Select value={language} onChange={(_, d) => setLanguage(d.value)}>
            <option value="">{t('experts.anyLanguage')}</option>
            {languageCodes.map((code) => (
              <option key={code} value={code}>
                {t(`experts.languages.${code}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div aria-live="polite" aria-busy={result.status === 'loading'}>
        {result.status === 'loading' ? <LoadingState label={t('experts.loading')} /> : null}
        {result.status === 'error' ? <ErrorState error={result.error} onRetry={result.retry} /> : null}
        {first && shown.length === 0 ? (
          // The caller is never their own expert: when they were the only match, say so.
          // Only symbols typed: say what to type, and offer no request to learn "🙂".
          <MessageState
            title={t(first.askerMatched ? 'experts.onlyYouTitle' : 'experts.emptyTitle')}
            text={t(first.askerMatched ? 'experts.onlyYouText' : first.nothingToSearch ? 'experts.typeWords' : 'experts.emptyText')}
          >
            {!first.suggestions && !first.nothingToSearch && q.trim() !== '' && level === '' && language === '' ? (
              <AskToLearnOffer key={q} api={api} teamId={teamId} store={store} skill={q.trim()} />
            ) : null}
          </MessageState>
        ) : null}
        {first && shown.length > 0 ? (
          <>
            <Body1 as="p" className={styles.count}>
              {first.suggestions ? t('experts.suggestions') : t('experts.results', { count: shown.length })}
            </Body1>
            <ul className={styles.grid}>
              {shown.map((expert) => (
                <li key={expert.userId}>
                  <ExpertCard api={api} expert={expert} />
                </li>
              ))}
            </ul>
            {moreFailed ? (
              <Body1 as="p" role="alert">
                {t('common.errors.network')}
              </Body1>
            ) : null}
            {canLoadMore ? <Button onClick={() => void loadMore()}>{t('experts.more')}</Button> : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

function ExpertCard({ api, expert }: { readonly api: ApiClient; readonly expert: ExpertResult }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const chat = safeWebUrl(expert.chatUrl);
  const openChat = useExternalLinkClick(chat);
  const [endorsement, setEndorsement] = useState<{ readonly count: number } | 'self' | 'failed' | 'busy' | undefined>(undefined);
  const skill = expert.skill?.name;
  // What the reader sees: the Dutch name for a Dutch reader; the endorsement still names the stored skill.
  const shown = skill === undefined ? undefined : skillDisplayName(skill, i18n.language);
  const endorse = async () => {
    if (!skill) return;
    setEndorsement('busy');
    try {
      const body: EndorseRequest = { skill };
      const answer = await api.send<EndorseResponse>('POST', `/api/v1/people/${encodeURIComponent(expert.userId)}/endorsements`, body);
      setEndorsement({ count: answer.count });
    } catch (error) {
      setEndorsement(error instanceof ApiRequestError && error.code === 'self_endorsement' ? 'self' : 'failed');
    }
  };
  return (
    <Card data-testid="expert-card" role="article" aria-label={expert.displayName}>
      <CardHeader header={<h2 className={styles.name}>{expert.displayName}</h2>} />
      {expert.explanation ? (
        <Body1 as="p" className={styles.why}>
          {t('experts.why', { why: expert.explanation })}
        </Body1>
      ) : null}
      {expert.teaches.length > 0 ? (
        <ul className={styles.tags} aria-label={t('board.session.skills')}>
          {expert.teaches.map((skill) => (
            <li key={skill.name}>
              <Tag size="small" appearance="outline" title={t(`experts.levels.${skill.level}`)}>
                {skillDisplayName(skill.name, i18n.language)} · {skill.level}
              </Tag>
            </li>
          ))}
        </ul>
      ) : null}
      {expert.availability ? <Body1 as="p">{expert.availability}</Body1> : null}
      <div className={styles.actions}>
        {chat ? (
          <Link href={chat} target="_blank" rel="noopener noreferrer" onClick={openChat}>
            {t('experts.chat', { name: expert.displayName })}
          </Link>
        ) : null}
        {skill && typeof endorsement !== 'object' ? (
          <Button size="small" disabled={endorsement === 'busy'} onClick={() => void endorse()}>
            {t('experts.endorse', { skill: shown })}
          </Button>
        ) : null}
      </div>
      {skill && typeof endorsement === 'object' ? (
        <Body1 role="status">{t('experts.endorsed', { skill: shown, count: endorsement.count })}</Body1>
      ) : null}
      {endorsement === 'self' ? <Body1 role="alert">{t('experts.endorseSelf')}</Body1> : null}
      {endorsement === 'failed' ? <Body1 role="alert">{t('experts.endorseFailed')}</Body1> : null}
    </Card>
  );
}
