import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DatePicker } from '@fluentui/react-datepicker-compat';
import { TimePicker, formatDateToTimeString } from '@fluentui/react-timepicker-compat';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../shared/api-client';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey, errorMessageValues } from '../../shared/error-message';
import type {
  CreateSessionResponse,
  LearningRequestDetailResponse,
  SessionChangeResponse,
  SessionChangeScope,
  SessionDetailResponse,
  SuggestLeaderResponse,
} from '../../../../bot/src/api/contract';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { sessionPath } from '../../shared/sessions/rsvp';
import { getSessionDetail, scopedSessionPath } from '../../shared/sessions/get-session';
import { SeriesScopeChoice } from '../../shared/sessions/series-scope-choice';
import { usePersonName } from '../../shared/person-name';
import { calendarStrings } from './calendar-strings';
import { getRequestDraft } from './get-request-draft';
import type { DraftErrors, DraftField, SessionDraft } from './session-draft';
import {
  draftFromSession,
  emptyDraft,
  limits,
  localDate,
  localTime,
  mapServerErrors,
  parseStoredDraft,
  sessionFormats,
  startOf,
  toSessionInput,
  validateDraft,
} from './session-draft';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  title: { margin: 0 },
  intro: { margin: 0 },
  row: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 11rem), 1fr))' },
  // Fluent's combobox-based pickers have a 250 px minimum; inside a grid cell they must shrink.
  picker: { minWidth: 0, width: '100%', boxSizing: 'border-box' },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase300, marginBottom: tokens.spacingVerticalXS },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface PlanSessionProps {
  readonly api: ApiClient;
  readonly teamId: string;
  /** Present: edit this session; absent: plan a new one. */
  readonly sessionId?: string | undefined;
  /** A learning request the planner took: the new session starts from its draft (DESIGN F7). */
  readonly requestId?: string | undefined;
  /** `changed`: for an occurrence of a series, how many sessions the save changed (1, or it and the later ones). */
  readonly onSaved: (sessionId: string, changed?: number) => void;
  readonly onCancel: () => void;
  /** For tests: the clock the "in the future" check uses. */
  readonly now?: () => Date;
  readonly storage?: Storage | undefined;
}

function draftKey(teamId: string, sessionId: string | undefined, requestId: string | undefined): string {
  // A draft started from a request is kept apart from a blank new one, so neither overwrites the other.
  return `peerlearn.draft.${teamId}.${sessionId ?? (requestId ? `request.${requestId}` : 'new')}`;
}

/** A new session's form, filled from a taken learning request's draft. */
function draftFromRequest(taken: LearningRequestDetailResponse): SessionDraft {
  return { ...emptyDraft, title: taken.draft.title, skills: taken.draft.skills.join(', '), description: taken.draft.description };
}

interface Loaded {
  readonly existing?: SessionDetailResponse | undefined;
  readonly request?: LearningRequestDetailResponse | undefined;
}

function sessionStore(storage: Storage | undefined) {
  const get = () => storage ?? window.sessionStorage;
  // sessionStorage throws in some sandboxed frames: a draft that cannot be kept must not break the form.
  return {
    read: (key: string) => {
      try {
        return get().getItem(key);
      } catch {
        return null;
      }
    },
    write: (key: string, value: string) => {
      try {
        get().setItem(key, value);
      } catch {
        // Kept in memory only.
      }
    },
    remove: (key: string) => {
      try {
        get().removeItem(key);
      } catch {
        // Nothing kept.
      }
    },
  };
}

/** Plan or edit a session: loads the session first when editing. */
export default function PlanSessionView(props: PlanSessionProps) {
  const { t } = useTranslation();
  const { api, teamId, sessionId, requestId } = props;
  const load = useCallback(
    async (signal: AbortSignal): Promise<Loaded> => {
      if (sessionId) return { existing: await getSessionDetail(api, teamId, sessionId, signal) };
      if (requestId) return { request: await getRequestDraft(api, teamId, requestId, signal) };
      return {};
    },
    [api, teamId, sessionId, requestId],
  );
  const loaded = useAsync<Loaded>(load);
  if (loaded.status === 'loading') return <LoadingState label={t('detail.loading')} />;
  if (loaded.status === 'error') return <ErrorState headingLevel={2} error={loaded.error} onRetry={loaded.retry} />;
  return <SessionForm {...props} existing={loaded.data.existing} request={loaded.data.request} />;
}

function SessionForm({
  api,
  teamId,
  sessionId,
  requestId,
  onSaved,
  onCancel,
  now = () => new Date(),
  storage,
  existing,
  request,
}: PlanSessionProps & Loaded) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const store = useMemo(() => sessionStore(storage), [storage]);
  const key = draftKey(teamId, sessionId, requestId);
  const [restored] = useState(() => parseStoredDraft(store.read(key)));
  const [draft, setDraft] = useState<SessionDraft>(
    () => restored ?? (existing ? draftFromSession(existing) : request ? draftFromRequest(request) : emptyDraft),
  );
  const [errors, setErrors] = useState<DraftErrors>({});
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  // An occurrence of a series asks whether the change is for it alone or for the later ones too.
  const series = existing?.seriesId !== undefined;
  const [scope, setScope] = useState<SessionChangeScope>('one');
  const strings = useMemo(() => calendarStrings(i18n.language), [i18n.language]);

  useEffect(() => {
    store.write(key, JSON.stringify(draft));
  }, [store, key, draft]);

  const live = validateDraft(draft, now());
  const shown = (field: DraftField) => errors[field] ?? (submitted || touched.has(field) ? live[field] : undefined);
  const message = (field: DraftField) => {
    const error = shown(field);
    if (!error) return undefined;
    return t(`plan.errors.${error}`, {
      max: limits.titleMax,
      min: limits.durationMin,
      ...(error === 'durationRange' ? { max: limits.durationMax } : {}),
      capacityMax: new Intl.NumberFormat(i18n.language).format(limits.capacityMax),
      years: limits.aheadYears,
    });
  };
  const fieldProps = (field: DraftField) => {
    const text = message(field);
    return text ? { validationMessage: text, validationState: 'error' as const } : {};
  };
  const set = (field: DraftField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    // A server complaint about a field goes away once the person changes that field.
    setErrors((e) => (e[field] ? Object.fromEntries(Object.entries(e).filter(([name]) => name !== field)) : e));
  };
  const touch = (field: DraftField) => setTouched((s) => new Set(s).add(field));

  const submit = async () => {
    setSubmitted(true);
    setSaveError(undefined);
    const problems = validateDraft(draft, now());
    if (Object.keys(problems).length > 0) {
      setErrors({});
      const first = Object.keys(problems)[0];
      document.getElementById(`plan-field-${first ?? 'title'}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const input = toSessionInput(draft);
      let savedId: string;
      let changed: number | undefined;
      if (sessionId) {
        const saved = await api.send<SessionChangeResponse>('PATCH', scopedSessionPath(teamId, sessionId, series ? scope : 'one'), input);
        savedId = saved.sessionId;
        if (series) changed = saved.changed;
      } else {
        const created = await api.send<CreateSessionResponse>('POST', `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`, input);
        savedId = created.sessions[0]?.sessionId ?? '';
      }
      store.remove(key);
      onSaved(savedId, changed);
    } catch (error) {
      // Nothing typed is lost: the draft stays in state and in sessionStorage.
      setSaveError(error);
      if (error instanceof ApiRequestError) setErrors(mapServerErrors(error.fields));
    } finally {
      setSaving(false);
    }
  };

  const start = startOf(draft);
  const dateValue = draft.date ? new Date(`${draft.date}T00:00:00`) : null;
  const dateAnchor = start ?? dateValue;
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form
      className={styles.form}
      noValidate
      data-testid="plan-session"
      aria-labelledby="plan-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Title2 as="h1" id="plan-title" className={styles.title}>
        {sessionId ? t('plan.editTitle') : t('plan.newTitle')}
      </Title2>
      <Body1 as="p" className={styles.intro}>
        {t('plan.intro')}
      </Body1>
      {request ? (
        <MessageBar intent="info" data-testid="plan-from-request">
          <MessageBarBody>{t('requests.planFromRequest', { skill: request.request.skill })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {restored ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('plan.draftRestored')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {saveError !== undefined ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t('plan.saveFailed')}{' '}
            {hasErrors ? t('plan.fixFields') : t(`common.errors.${errorMessageKey(saveError)}`, errorMessageValues(saveError))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t('plan.title')} required {...fieldProps('title')}>
        <Input
          id="plan-field-title"
          value={draft.title}
          onChange={(_, d) => set('title', d.value)}
          onBlur={() => touch('title')}
          maxLength={200}
        />
      </Field>
      <Field label={t('plan.description')} {...fieldProps('description')}>
        <Textarea value={draft.description} onChange={(_, d) => set('description', d.value)} resize="vertical" rows={4} />
      </Field>
      <div className={styles.row}>
        <Field label={t('plan.format')} {...fieldProps('format')}>
          <Select value={draft.format} onChange={(_, d) => set('format', d.value)}>
            {sessionFormats.map((format) => (
              <option key={format} value={format}>
                {t(`board.session.formats.${format}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('plan.skills')} {...fieldProps('skills')}>
          <Input value={draft.skills} onChange={(_, d) => set('skills', d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t('plan.date')} required {...fieldProps('date')}>
          <DatePicker
            id="plan-field-date"
            className={styles.picker}
            value={dateValue}
            onSelectDate={(date) => {
              set('date', date ? localDate(date) : '');
              touch('date');
            }}
            formatDate={(date) => (date ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(date) : '')}
            placeholder={t('plan.datePlaceholder')}
            strings={strings}
            firstDayOfWeek={1}
            minDate={new Date(now().getFullYear(), now().getMonth(), now().getDate())}
            allowTextInput={false}
          />
        </Field>
        <Field label={t('plan.time')} required {...fieldProps('time')}>
          <TimePicker
            id="plan-field-time"
            className={styles.picker}
            freeform
            hourCycle="h23"
            increment={15}
            startHour={7}
            endHour={21}
            {...(dateAnchor ? { dateAnchor } : {})}
            value={draft.time}
            selectedTime={start ?? null}
            formatDateToTimeString={(date) => formatDateToTimeString(date, { hourCycle: 'h23' })}
            onTimeChange={(_, data) => {
              if (data.selectedTime) set('time', localTime(data.selectedTime));
              else if (data.selectedTimeText !== undefined)
                set('time', /^\d{1,2}:\d{2}$/.test(data.selectedTimeText) ? data.selectedTimeText : '');
              touch('time');
            }}
            onInput={(event) => set('time', (event.target as HTMLInputElement).value)}
          />
        </Field>
        <Field label={t('plan.duration')} required {...fieldProps('duration')}>
          <Input
            id="plan-field-duration"
            type="number"
            inputMode="numeric"
            min={limits.durationMin}
            max={limits.durationMax}
            step={5}
            value={draft.duration}
            onChange={(_, d) => set('duration', d.value)}
            onBlur={() => touch('duration')}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t('plan.place')} {...fieldProps('place')}>
          <Input value={draft.place} onChange={(_, d) => set('place', d.value)} />
        </Field>
        <Field label={t('plan.onlineUrl')} {...fieldProps('onlineUrl')}>
          <Input
            id="plan-field-onlineUrl"
            type="url"
            value={draft.onlineUrl}
            onChange={(_, d) => set('onlineUrl', d.value)}
            onBlur={() => touch('onlineUrl')}
          />
        </Field>
        <Field label={t('plan.capacity')} {...fieldProps('capacity')}>
          <Input
            id="plan-field-capacity"
            type="number"
            inputMode="numeric"
            min={1}
            value={draft.capacity}
            onChange={(_, d) => set('capacity', d.value)}
            onBlur={() => touch('capacity')}
          />
        </Field>
      </div>
      <LeaderPicker
        api={api}
        teamId={teamId}
        sessionId={sessionId}
        leader={draft.discussionLeaderId ? { userId: draft.discussionLeaderId, displayName: draft.discussionLeaderName } : undefined}
        onChange={(leader) =>
          setDraft((d) => ({ ...d, discussionLeaderId: leader?.userId ?? '', discussionLeaderName: leader?.displayName ?? '' }))
        }
        error={message('discussionLeaderId')}
      />
      {series ? <SeriesScopeChoice value={scope} onChange={setScope} disabled={saving} /> : null}
      <Actions>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? t('plan.saving') : t('plan.save')}
        </Button>
        <Button type="button" onClick={onCancel} disabled={saving}>
          {t('plan.cancel')}
        </Button>
      </Actions>
    </form>
  );
}

interface LeaderPickerProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly sessionId: string | undefined;
  readonly leader: { readonly userId: string; readonly displayName: string } | undefined;
  readonly onChange: (leader: { readonly userId: string; readonly displayName: string } | undefined) => void;
  readonly error: string | undefined;
}

/** Fair rotation: the service suggests the colleague who has gone longest without a role. */
function LeaderPicker({ api, teamId, sessionId, leader, onChange, error }: LeaderPickerProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const name = usePersonName();
  const [state, setState] = useState<'idle' | 'busy' | 'none' | 'failed'>('idle');
  const suggest = async () => {
    setState('busy');
    try {
      const base = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
      const path = sessionId ? `${sessionPath(teamId, sessionId)}/suggest-discussion-leader` : `${base}/suggest-discussion-leader`;
      const answer = await api.get<SuggestLeaderResponse>(path);
      if (answer.suggestion) {
        onChange(answer.suggestion);
        setState('idle');
      } else setState('none');
    } catch {
      setState('failed');
    }
  };
  return (
    // A group, not a Field: there is no single control to label, only a name and two buttons.
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t('plan.leader')}</legend>
      <Caption1 as="p" className={styles.hint}>
        {t('plan.suggestLeaderHint')}
      </Caption1>
      <div className={styles.actions}>
        <Body1 data-testid="discussion-leader">{leader ? name(leader, { start: true }) : t('plan.leaderNone')}</Body1>
        <Button type="button" size="small" disabled={state === 'busy'} onClick={() => void suggest()}>
          {t('plan.suggestLeader')}
        </Button>
        {leader ? (
          <Button type="button" size="small" appearance="subtle" onClick={() => onChange(undefined)}>
            {t('plan.removeLeader', { name: name(leader) })}
          </Button>
        ) : null}
      </div>
      {state === 'none' ? <Body1 role="status">{t('plan.noLeader')}</Body1> : null}
      {state === 'failed' ? <Body1 role="alert">{t('plan.suggestFailed')}</Body1> : null}
      {error ? (
        <Body1 role="alert" className={styles.error}>
          {error}
        </Body1>
      ) : null}
    </fieldset>
  );
}

function Actions({ children }: { readonly children: ReactNode }) {
  const styles = useStyles();
  return <div className={styles.actions}>{children}</div>;
}
