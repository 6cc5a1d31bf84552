import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
  Textarea,
  Title2,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { TIP_TITLE_MAX } from '../../../../bot/src/api/contract';
import type { TipListResponse, TipView } from '../../../../bot/src/api/contract';
import { SkillQuestions } from '../../shared/ui/skill-questions';
import { useSkillQuestions } from '../../shared/use-skill-questions';
import { ApiRequestError } from '../../shared/api-client';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey } from '../../shared/error-message';
import { getMe } from '../../shared/get-me';
import type { KeyValueStore } from '../../shared/local-store';
import { TipItem } from '../../shared/tips/tip-item';
import { deleteTip, listTips, shareTip } from '../../shared/tips/tips-api';
import { useAsync } from '../../shared/use-async';
import { useDebounced } from '../../shared/use-debounced';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import { checkTipForm, emptyTipForm, isTipProblemCode, limitOf, toCreateTipRequest } from './tip-draft';
import type { TipForm, TipFormField, TipProblemCode } from './tip-draft';
import { UndoBar } from './undo-bar';
import { UNDO_MS, useUndoableRemoval } from './use-undoable-removal';
import { pickTeam, useChosenTeam } from '../../shared/chosen-team';
import { TeamPicker } from '../../shared/ui/team-picker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  layout: {
    display: 'grid',
    gap: tokens.spacingHorizontalXXL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))',
    alignItems: 'start',
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  filters: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  count: { margin: 0 },
});

export interface TipsViewProps {
  readonly api: ApiClient;
  readonly locale: string;
  readonly store?: KeyValueStore | undefined;
  /** The team Teams opened the tab in; otherwise one of the caller's teams. */
  readonly contextTeamId?: string | undefined;
  /** Milliseconds of quiet typing before a search goes out. */
  readonly debounceMs?: number;
  /** How long "Undo" is offered after removing a tip. */
  readonly undoMs?: number;
}

/** DESIGN F9: the team's tips and training material — search, filter by skill, share one. */
export default function TipsView({ api, locale, store, contextTeamId, debounceMs = 300, undoMs = UNDO_MS }: TipsViewProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <section className={styles.root} data-testid="tips" aria-labelledby="tips-title">
      <Title2 as="h1" id="tips-title" className={styles.title}>
        {t('tips.title')}
      </Title2>
      <Body1 as="p" className={styles.intro}>
        {t('tips.intro')}
      </Body1>
      {contextTeamId ? (
        <TeamTips api={api} teamId={contextTeamId} locale={locale} debounceMs={debounceMs} undoMs={undoMs} />
      ) : (
        <MyTeamTips api={api} store={store} locale={locale} debounceMs={debounceMs} undoMs={undoMs} />
      )}
    </section>
  );
}

function MyTeamTips({
  api,
  store,
  locale,
  debounceMs,
  undoMs,
}: {
  readonly api: ApiClient;
  readonly store?: KeyValueStore | undefined;
  readonly locale: string;
  readonly debounceMs: number;
  readonly undoMs: number;
}) {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => getMe(api, signal), [api]);
  const me = useAsync(load);
  const { chosen, choose } = useChosenTeam(store);
  if (me.status === 'loading') return <LoadingState label={t('tips.loading')} />;
  if (me.status === 'error') return <ErrorState error={me.error} onRetry={me.retry} />;
  const team = pickTeam(me.data.teams, chosen);
  if (!team) return <MessageState title={t('tips.noTeamTitle')} text={t('tips.noTeamText')} />;
  return (
    <>
      <TeamPicker teams={me.data.teams} teamId={team.teamId} onChoose={choose} label={t('tips.team')} orientation="horizontal" />
      <TeamTips key={team.teamId} api={api} teamId={team.teamId} locale={locale} debounceMs={debounceMs} undoMs={undoMs} />
    </>
  );
}

interface TeamTipsProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly locale: string;
  readonly debounceMs: number;
  readonly undoMs: number;
}

function TeamTips({ api, teamId, locale, debounceMs, undoMs }: TeamTipsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const listHeadingId = useId('tips-list');
  const [text, setText] = useState('');
  const [skill, setSkill] = useState('');
  // Bumped after a share, so the list reads the new tip back in its place.
  const [version, setVersion] = useState(0);
  const q = useDebounced(text, debounceMs);
  const load = useCallback((signal: AbortSignal) => listTips(api, teamId, { q, skill }, signal), [api, teamId, q, skill, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const result = useAsync(load);

  // "Show more" follows the cursor; a new search starts over.
  const [more, setMore] = useState<
    { readonly for: TipListResponse; readonly tips: readonly TipView[]; readonly cursor?: string | undefined } | undefined
  >(undefined);
  const [moreFailed, setMoreFailed] = useState(false);
  // A removed tip goes at once; the service hears of it when "Undo" lapses.
  const removal = useUndoableRemoval(async ({ tip }: { readonly id: string; readonly tip: TipView }) => {
    try {
      await deleteTip(api, teamId, tip.tipId);
      return 'removed';
    } catch (error) {
      // Already gone counts as removed.
      return error instanceof ApiRequestError && error.status === 404 ? 'removed' : 'failed';
    }
  }, undoMs);
  // The filter offers the skills of the team's newest tips (one small read, refreshed after a share).
  const loadSkills = useCallback(
    (signal: AbortSignal) => listTips(api, teamId, { q: '', skill: '', limit: 50 }, signal),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` re-reads after a share
    [api, teamId, version],
  );
  const newest = useAsync(loadSkills);
  const skillOptions = [
    ...new Set([...(newest.status === 'success' ? newest.data.tips.flatMap((tip) => tip.skills) : []), ...(skill ? [skill] : [])]),
  ].sort((a, b) => a.localeCompare(b, locale));

  const first = result.status === 'success' ? result.data : undefined;
  const extra = more && more.for === first ? more : undefined;
  const shown = first ? [...first.tips, ...(extra?.tips ?? [])].filter((tip) => !removal.hidden.has(tip.tipId)) : [];
  const cursor = extra ? extra.cursor : first?.cursor;

  const loadMore = async () => {
    if (!first || !cursor) return;
    setMoreFailed(false);
    try {
      const page = await listTips(api, teamId, { q, skill, cursor });
      setMore({ for: first, tips: [...(extra?.tips ?? []), ...page.tips], cursor: page.cursor });
    } catch {
      setMoreFailed(true);
    }
  };

  return (
    <div className={styles.layout}>
      <section className={styles.column} aria-labelledby={listHeadingId}>
        <Subtitle1 as="h2" id={listHeadingId} className={styles.heading}>
          {t('nav.tips')}
        </Subtitle1>
        <div className={styles.filters} role="search">
          <Field label={t('tips.search')}>
            <Input type="search" value={text} onChange={(_, d) => setText(d.value)} />
          </Field>
          <Field label={t('tips.skill')}>
            <Select value={skill} onChange={(_, d) => setSkill(d.value)}>
              <option value="">{t('tips.anySkill')}</option>
              {skillOptions.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div aria-live="polite" aria-busy={result.status === 'loading'}>
          {result.status === 'loading' ? <LoadingState label={t('tips.loading')} /> : null}
          {result.status === 'error' ? <ErrorState error={result.error} onRetry={result.retry} headingLevel={3} /> : null}
          {removal.pending ? <UndoBar title={removal.pending.tip.title} onUndo={removal.undo} /> : null}
          {first && shown.length === 0 ? (
            q.trim() || skill ? (
              <MessageState headingLevel={3} title={t('tips.noMatchTitle')} text={t('tips.noMatchText')} />
            ) : (
              <MessageState headingLevel={3} title={t('tips.emptyTitle')} text={t('tips.emptyText')} />
            )
          ) : null}
          {first && shown.length > 0 ? (
            <>
              <Body1 as="p" className={styles.count}>
                {t('tips.results', { count: shown.length })}
              </Body1>
              <ul className={styles.list}>
                {shown.map((tip) => (
                  <li key={tip.tipId}>
                    <TipItem tip={tip} locale={locale} onDelete={() => removal.remove({ id: tip.tipId, tip })} deleting={false} />
                  </li>
                ))}
              </ul>
              {removal.failed ? (
                <Body1 as="p" role="alert">
                  {t('tips.deleteFailed')}
                </Body1>
              ) : null}
              {moreFailed ? (
                <Body1 as="p" role="alert">
                  {t('tips.moreFailed')}
                </Body1>
              ) : null}
              {cursor ? <Button onClick={() => void loadMore()}>{t('tips.more')}</Button> : null}
            </>
          ) : null}
        </div>
      </section>
      <ShareTipForm api={api} teamId={teamId} onShared={() => setVersion((n) => n + 1)} />
    </div>
  );
}

type Outcome =
  | { readonly kind: 'saved'; readonly title: string }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'invalid' }
  | undefined;

function ShareTipForm({ api, teamId, onShared }: { readonly api: ApiClient; readonly teamId: string; readonly onShared: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const headingId = useId('share-tip');
  const [form, setForm] = useState<TipForm>(emptyTipForm);
  const [problems, setProblems] = useState<Partial<Record<TipFormField, TipProblemCode>>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const set = (field: TipFormField) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    // A fixed field loses its message at once; the others keep theirs until the next save.
    setProblems((p) => {
      if (!p[field]) return p;
      const { [field]: _gone, ...rest } = p;
      return rest;
    });
  };

  // "Did you mean Docker?" after a 400 unknownSkill, and the skills the person kept as new on purpose.
  const skillQuestions = useSkillQuestions(form.skills, set('skills'));

  const message = (field: TipFormField) => {
    const code = problems[field];
    return code ? t(`tips.problems.${code}`, { max: limitOf(code) }) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkTipForm(form);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setOutcome({ kind: 'invalid' });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      const tip = await shareTip(api, teamId, { ...toCreateTipRequest(form), ...skillQuestions.confirmed });
      setForm(emptyTipForm);
      skillQuestions.reset();
      setOutcome({ kind: 'saved', title: tip.title });
      onShared();
    } catch (error) {
      // The service's field codes, when it names them; the typed text stays either way.
      if (skillQuestions.asked(error)) {
        setOutcome({ kind: 'invalid' });
      } else if (error instanceof ApiRequestError && error.status === 400) {
        const fromService: Partial<Record<TipFormField, TipProblemCode>> = {};
        for (const [field, code] of Object.entries(error.fields)) {
          if ((field === 'title' || field === 'body' || field === 'link' || field === 'skills') && isTipProblemCode(code))
            fromService[field] = code;
        }
        setProblems(fromService);
        setOutcome(Object.keys(fromService).length > 0 ? { kind: 'invalid' } : { kind: 'failed', error });
      } else {
        setOutcome({ kind: 'failed', error });
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: TipFormField) => {
    const text = message(name);
    return text ? { validationState: 'error' as const, validationMessage: text } : {};
  };

  return (
    <section className={styles.column} aria-labelledby={headingId} data-testid="share-tip">
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('tips.share.title')}
      </Subtitle1>
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
        {outcome?.kind === 'saved' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('tips.share.saved', { title: outcome.title })}</MessageBarBody>
          </MessageBar>
        ) : null}
        {outcome?.kind === 'invalid' ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t('tips.share.invalid')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {outcome?.kind === 'failed' ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {t('tips.share.failed')} {t(`common.errors.${errorMessageKey(outcome.error)}`)}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <Field label={t('tips.share.fieldTitle')} required {...field('title')}>
          <Input value={form.title} maxLength={TIP_TITLE_MAX * 2} onChange={(_, d) => set('title')(d.value)} />
        </Field>
        <Field label={t('tips.share.fieldBody')} {...field('body')}>
          <Textarea value={form.body} resize="vertical" rows={4} onChange={(_, d) => set('body')(d.value)} />
        </Field>
        <Field label={t('tips.share.fieldLink')} {...field('link')}>
          <Input type="url" value={form.link} placeholder="https://" onChange={(_, d) => set('link')(d.value)} />
        </Field>
        <Field label={t('tips.share.fieldSkills')} hint={t('tips.share.skillsHint')} {...field('skills')}>
          <Input value={form.skills} onChange={(_, d) => set('skills')(d.value)} />
        </Field>
        <SkillQuestions questions={skillQuestions.questions} onUse={skillQuestions.use} onKeep={skillQuestions.keep} />
        <div>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? t('tips.share.saving') : t('tips.share.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
