import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Body1,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../shared/api-client';
import { useSkillQuestions } from '../../shared/use-skill-questions';
import { SkillQuestions } from '../../shared/ui/skill-questions';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey, errorMessageValues } from '../../shared/error-message';
import type {
  CreateSessionResponse,
  LearningRequestDetailResponse,
  PlanningResponse,
  SessionChangeResponse,
  SessionChangeScope,
  SessionDetailResponse,
} from '../../../../bot/src/api/contract';
import { useAsync } from '../../shared/use-async';
import { hrefFor } from '../../shared/routes';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { getSessionDetail, scopedSessionPath } from '../../shared/sessions/get-session';
import { SeriesScopeChoice } from '../../shared/sessions/series-scope-choice';
import { browserTimeZone } from '../../shared/sessions/team-time';
import { draftStore } from './draft-store';
import { getPlanning } from './get-planning';
import { getRequestDraft } from './get-request-draft';
import { InviteFields } from './invite-fields';
import { LeaderPicker } from './leader-picker';
import { StartFields } from './start-fields';
import type { DraftErrors, DraftField, SessionDraft } from './session-draft';
import {
  NO_CHANNEL,
  draftFromSession,
  emptyDraft,
  limits,
  mapServerErrors,
  parseStoredDraft,
  sessionFormats,
  toSessionInput,
  validateDraft,
  withoutHostAsTeacher,
} from './session-draft';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  title: { margin: 0 },
  intro: { margin: 0 },
  row: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 11rem), 1fr))' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface PlanSessionProps {
  readonly api: ApiClient;
  readonly teamId: string;
  /** Present: edit this session; absent: plan a new one. */
  readonly sessionId?: string | undefined;
  /** A learning request the planner took: the new session starts from its draft (DESIGN F7). */
  readonly requestId?: string | undefined;
  /** The channel the tab is pinned in (teams-js `channel.id`): a new session's invite goes there by default. */
  readonly contextChannelId?: string | undefined;
  /** `changed`: for an occurrence of a series, how many sessions the save changed (1, or it and the later ones). */
  readonly onSaved: (sessionId: string, changed?: number) => void;
  readonly onCancel: () => void;
  /** For tests: the clock the "in the future" check uses. */
  readonly now?: () => Date;
  /** For tests: the viewer's own time zone (default: the browser's). */
  readonly viewerTimeZone?: string;
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

/** The invite's default channel: the tab's own, else the General channel (whose id is the team's), else the first known. */
function defaultChannel(planning: PlanningResponse, contextChannelId: string | undefined): string {
  const known = (id: string | undefined) => id !== undefined && planning.channels.some((c) => c.channelId === id);
  if (known(contextChannelId)) return contextChannelId ?? NO_CHANNEL;
  if (known(planning.teamId)) return planning.teamId;
  return planning.channels[0]?.channelId ?? NO_CHANNEL;
}

interface Loaded {
  readonly planning: PlanningResponse;
  readonly existing?: SessionDetailResponse | undefined;
  readonly request?: LearningRequestDetailResponse | undefined;
}

/** Plan or edit a session: loads the team's planning choices first, and the session when editing. */
export default function PlanSessionView(props: PlanSessionProps) {
  const { t } = useTranslation();
  const { api, teamId, sessionId, requestId } = props;
  const load = useCallback(
    async (signal: AbortSignal): Promise<Loaded> => {
      const [planning, existing, request] = await Promise.all([
        getPlanning(api, teamId, signal),
        sessionId ? getSessionDetail(api, teamId, sessionId, signal) : undefined,
        !sessionId && requestId ? getRequestDraft(api, teamId, requestId, signal) : undefined,
      ]);
      return { planning, existing, request };
    },
    [api, teamId, sessionId, requestId],
  );
  const loaded = useAsync<Loaded>(load);
  if (loaded.status === 'loading') return <LoadingState label={t('detail.loading')} />;
  if (loaded.status === 'error') return <ErrorState headingLevel={2} error={loaded.error} onRetry={loaded.retry} />;
  return <SessionForm {...props} {...loaded.data} />;
}

function SessionForm({
  api,
  teamId,
  sessionId,
  requestId,
  contextChannelId,
  onSaved,
  onCancel,
  now = () => new Date(),
  viewerTimeZone,
  storage,
  planning,
  existing,
  request,
}: PlanSessionProps & Loaded) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const store = useMemo(() => draftStore(storage), [storage]);
  const key = draftKey(teamId, sessionId, requestId);
  const { timeZone } = planning;
  const viewerZone = viewerTimeZone ?? browserTimeZone();
  // A new session is hosted by whoever plans it; an edit keeps the stored host (an owner may edit someone else's).
  const hostId = existing?.host.userId ?? planning.plannerId;
  const [restored] = useState(() => parseStoredDraft(store.read(key)));
  const [draft, setDraft] = useState<SessionDraft>(() => {
    const found = restored ?? (existing ? draftFromSession(existing, timeZone) : request ? draftFromRequest(request) : emptyDraft);
    const start = withoutHostAsTeacher(found, hostId);
    return start.channelId ? start : { ...start, channelId: defaultChannel(planning, contextChannelId) };
  });
  const [errors, setErrors] = useState<DraftErrors>({});
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  // An occurrence of a series asks whether the change is for it alone or for the later ones too.
  const series = existing?.seriesId !== undefined;
  const [scope, setScope] = useState<SessionChangeScope>('one');

  useEffect(() => {
    store.write(key, JSON.stringify(draft));
  }, [store, key, draft]);

  const live = validateDraft(draft, now(), timeZone);
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
      occurrences: limits.seriesMax,
      teachersMax: limits.teachersMax,
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
  // "Did you mean Docker?" under the skills field after a 400 unknownSkill; kept-as-new skills go with the next save.
  const skillQuestions = useSkillQuestions(draft.skills, (value) => set('skills', value));

  const submit = async () => {
    setSubmitted(true);
    setSaveError(undefined);
    const problems = validateDraft(draft, now(), timeZone);
    if (Object.keys(problems).length > 0) {
      setErrors({});
      const first = Object.keys(problems)[0];
      document.getElementById(`plan-field-${first ?? 'title'}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const input = { ...toSessionInput(draft, sessionId !== undefined), ...skillQuestions.confirmed };
      let savedId: string;
      let changed: number | undefined;
      if (sessionId) {
        const saved = await api.send<SessionChangeResponse>('PATCH', scopedSessionPath(teamId, sessionId, series ? scope : 'one'), input);
        savedId = saved.sessionId;
        if (series) changed = saved.changed;
      } else {
        // From a learning request: the save takes it (first save wins); opening this form took nothing.
        const body = request ? { ...input, requestId: request.request.requestId } : input;
        const created = await api.send<CreateSessionResponse>('POST', `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`, body);
        savedId = created.sessions[0]?.sessionId ?? '';
      }
      store.remove(key);
      skillQuestions.reset();
      onSaved(savedId, changed);
    } catch (error) {
      // Nothing typed is lost: the draft stays in state and in sessionStorage.
      if (skillQuestions.asked(error)) {
        document.getElementById('plan-field-skills')?.focus();
        return;
      }
      setSaveError(error);
      if (error instanceof ApiRequestError) {
        const mapped = mapServerErrors(error.fields);
        setErrors(mapped);
        const first = Object.keys(mapped)[0];
        if (first) document.getElementById(`plan-field-${first}`)?.focus();
      }
    } finally {
      setSaving(false);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  const leader = draft.discussionLeaderId ? { userId: draft.discussionLeaderId, displayName: draft.discussionLeaderName } : undefined;

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
      {saveError instanceof ApiRequestError && saveError.code === 'request_planned' ? (
        <MessageBar intent="warning" role="alert" data-testid="plan-request-planned">
          <MessageBarBody>
            {t('requests.plannedAlready')}{' '}
            {saveError.sessionId ? (
              <Link href={hrefFor({ name: 'session', teamId, sessionId: saveError.sessionId })}>{t('requests.openSession')}</Link>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : saveError !== undefined ? (
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
          <Input id="plan-field-skills" value={draft.skills} onChange={(_, d) => set('skills', d.value)} />
        </Field>
      </div>
      <SkillQuestions questions={skillQuestions.questions} onUse={skillQuestions.use} onKeep={skillQuestions.keep} />
      <StartFields draft={draft} timeZone={timeZone} viewerZone={viewerZone} now={now} set={set} touch={touch} fieldProps={fieldProps} />
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
      <InviteFields
        draft={draft}
        planning={planning}
        hostId={hostId}
        editing={sessionId !== undefined}
        postedChannelId={existing?.channelId}
        set={set}
        touch={touch}
        fieldProps={fieldProps}
      />
      <LeaderPicker
        api={api}
        teamId={teamId}
        sessionId={sessionId}
        members={planning.members}
        suggested={sessionId ? undefined : planning.suggestedLeader}
        leader={leader}
        onChange={(chosen) => {
          setDraft((d) => ({ ...d, discussionLeaderId: chosen?.userId ?? '', discussionLeaderName: chosen?.displayName ?? '' }));
          setErrors((e) =>
            e.discussionLeaderId ? Object.fromEntries(Object.entries(e).filter(([name]) => name !== 'discussionLeaderId')) : e,
          );
        }}
        error={message('discussionLeaderId')}
      />
      {series ? <SeriesScopeChoice value={scope} onChange={setScope} disabled={saving} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? t('plan.saving') : t('plan.save')}
        </Button>
        <Button type="button" onClick={onCancel} disabled={saving}>
          {t('plan.cancel')}
        </Button>
      </div>
    </form>
  );
}
