import { useCallback, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  ToggleButton,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { REQUEST_NOTE_MAX, REQUEST_PROBLEMS, REQUEST_SKILL_MAX } from '../../../../bot/src/api/contract';
import type { LearningRequestView, RequestProblemCode } from '../../../../bot/src/api/contract';
import { ApiRequestError } from '../../shared/api-client';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey } from '../../shared/error-message';
import type { ErrorMessageKey } from '../../shared/error-message';
import { usePersonName } from '../../shared/person-name';
import { hrefFor } from '../../shared/routes';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import {
  closeLearningRequest,
  createLearningRequest,
  getLearningRequests,
  handBackLearningRequest,
  voteLearningRequest,
} from './learning-requests-api';
import { useSectionStyles } from '../../shared/ui/section-styles';
import { SkillCombobox } from '../../shared/ui/skill-combobox';
import { SkillQuestions } from '../../shared/ui/skill-questions';
import { useSkillQuestions } from '../../shared/use-skill-questions';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  grid: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 18rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  card: { height: '100%', gap: tokens.spacingVerticalS },
  skill: { margin: 0, overflowWrap: 'anywhere' },
  note: { margin: 0, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  experts: { margin: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: 'auto' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  formHeading: { margin: 0 },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export interface LearningRequestsProps {
  readonly api: ApiClient;
  readonly teamId: string;
  /** Where "I can teach this" goes: the plan view, prefilled (saving the session takes the request, opening it does not). */
  readonly onNavigate?: (href: string) => void;
}

const goTo = (href: string) => {
  window.location.hash = href;
};

const FAILURE_CODES = [
  'request_taken',
  'request_closed',
  'request_planned',
  'not_taken',
  'not_taker',
  'own_request',
  'not_member',
  'not_allowed',
] as const;
type FailureCode = (typeof FAILURE_CODES)[number];
const isFailureCode = (code: string): code is FailureCode => (FAILURE_CODES as readonly string[]).includes(code);

/** A failure the person can act on, in their language: the API's code when we know it, else the general sentence. */
function failureKey(error: unknown): `requests.failures.${FailureCode}` | `common.errors.${ErrorMessageKey}` {
  if (error instanceof ApiRequestError && isFailureCode(error.code)) return `requests.failures.${error.code}`;
  return `common.errors.${errorMessageKey(error)}`;
}

/** DESIGN F7 on the board: what colleagues want to learn, with +1, suggested experts and "I can teach this". */
export function LearningRequests({ api, teamId, onNavigate = goTo }: LearningRequestsProps) {
  const styles = useStyles();
  const shared = useSectionStyles();
  const { t } = useTranslation();
  const headingId = useId('requests');
  const load = useCallback((signal: AbortSignal) => getLearningRequests(api, teamId, signal), [api, teamId]);
  const requests = useAsync(load);
  // What changed here since the list was loaded: newer views of requests, and new ones on top.
  const [changed, setChanged] = useState<ReadonlyMap<string, LearningRequestView>>(new Map());
  const [added, setAdded] = useState<readonly LearningRequestView[]>([]);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());

  const remember = (view: LearningRequestView) => setChanged((m) => new Map(m).set(view.requestId, view));
  const mark = (requestId: string, on: boolean) =>
    setBusy((s) => {
      const next = new Set(s);
      if (on) next.add(requestId);
      else next.delete(requestId);
      return next;
    });
  const fail = (requestId: string, text: string | undefined) =>
    setFailures((m) => {
      const next = new Map(m);
      if (text === undefined) next.delete(requestId);
      else next.set(requestId, text);
      return next;
    });

  async function act(
    requestId: string,
    work: () => Promise<void>,
    failedKey: 'requests.voteFailed' | 'requests.handBackFailed' | 'requests.closeFailed',
  ) {
    mark(requestId, true);
    fail(requestId, undefined);
    try {
      await work();
    } catch (error) {
      fail(requestId, `${t(failedKey)} ${t(failureKey(error))}`);
    } finally {
      mark(requestId, false);
    }
  }

  const vote = (r: LearningRequestView) =>
    act(r.requestId, async () => remember(await voteLearningRequest(api, teamId, r.requestId, !r.voted)), 'requests.voteFailed');
  // Only the plan form: the request stays open for everyone until the session is saved.
  const take = (r: LearningRequestView) => onNavigate(hrefFor({ name: 'plan', teamId, request: r.requestId }));
  const handBack = (r: LearningRequestView) =>
    act(r.requestId, async () => remember(await handBackLearningRequest(api, teamId, r.requestId)), 'requests.handBackFailed');
  const close = (r: LearningRequestView) =>
    act(r.requestId, async () => remember(await closeLearningRequest(api, teamId, r.requestId)), 'requests.closeFailed');

  const loaded = requests.status === 'success' ? requests.data.requests : [];
  const fresh = added.filter((a) => !loaded.some((r) => r.requestId === a.requestId));
  // A request taken here stays on screen until the page moves on; a closed one leaves.
  const shown = [...fresh, ...loaded].map((r) => changed.get(r.requestId) ?? r).filter((r) => r.status !== 'closed');

  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="learning-requests">
      <h2 id={headingId} className={shared.heading}>
        {t('requests.title')}
      </h2>
      <Body1 as="p" className={styles.intro}>
        {t('requests.intro')}
      </Body1>
      {requests.status === 'loading' ? <LoadingState label={t('requests.loading')} /> : null}
      {requests.status === 'error' ? <ErrorState error={requests.error} onRetry={requests.retry} headingLevel={3} /> : null}
      {requests.status === 'success' && shown.length === 0 ? (
        <MessageState headingLevel={3} title={t('requests.emptyTitle')} text={t('requests.emptyText')} />
      ) : null}
      {requests.status === 'success' && shown.length > 0 ? (
        <ul className={styles.grid}>
          {shown.map((r) => (
            <li key={r.requestId}>
              <RequestCard
                request={r}
                busy={busy.has(r.requestId)}
                failure={failures.get(r.requestId)}
                onVote={() => void vote(r)}
                onTake={() => take(r)}
                onHandBack={() => void handBack(r)}
                onClose={() => void close(r)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {requests.status === 'success' ? (
        <AskForm
          api={api}
          teamId={teamId}
          onSaved={(view, created) => {
            if (created) setAdded((list) => [view, ...list.filter((a) => a.requestId !== view.requestId)]);
            else remember(view);
          }}
        />
      ) : null}
    </section>
  );
}

interface RequestCardProps {
  readonly request: LearningRequestView;
  readonly busy: boolean;
  readonly failure: string | undefined;
  readonly onVote: () => void;
  readonly onTake: () => void;
  readonly onHandBack: () => void;
  readonly onClose: () => void;
}

function RequestCard({ request: r, busy, failure, onVote, onTake, onHandBack, onClose }: RequestCardProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const name = usePersonName();
  const author = r.isAuthor
    ? t('requests.askedByYou')
    : t('requests.askedBy', { name: name(r.author, { unknown: t('requests.someone') }) });
  return (
    <Card className={styles.card} data-testid="learning-request">
      <Text as="h3" weight="semibold" size={400} className={styles.skill}>
        {r.skill}
      </Text>
      {r.note ? (
        <blockquote className={styles.note}>
          <Body1>{r.note}</Body1>
        </blockquote>
      ) : null}
      <Caption1 className={styles.meta}>
        {author} · {t('requests.votes', { count: r.votes })}
      </Caption1>
      {r.experts.length > 0 ? (
        <Caption1 as="p" className={styles.experts}>
          <span>{t('requests.experts')}</span>
          {r.experts.map((e) => (
            <Link key={e.userId} href={hrefFor({ name: 'experts', query: r.skill })}>
              {e.displayName || t('requests.someone')}
            </Link>
          ))}
        </Caption1>
      ) : (
        <Caption1 as="p" className={styles.meta} style={{ margin: 0 }}>
          {t('requests.noExperts')}
        </Caption1>
      )}
      {r.takenBy && (r.status === 'planned' || r.status === 'taken') ? (
        <Caption1 as="p" className={styles.meta} style={{ margin: 0 }} data-testid="request-taken">
          {t(r.status === 'planned' ? 'requests.plannedBy' : 'requests.takenBy', {
            name: name(r.takenBy, { unknown: t('requests.someone') }),
          })}
          {r.status === 'planned' && r.sessionId ? (
            <>
              {' · '}
              <Link href={hrefFor({ name: 'session', teamId: r.teamId, sessionId: r.sessionId })}>{t('requests.openSession')}</Link>
            </>
          ) : null}
        </Caption1>
      ) : null}
      {failure ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <ToggleButton
          checked={r.voted}
          // The author's request is their vote: nothing to toggle.
          disabled={busy || r.isAuthor || r.status !== 'open'}
          onClick={onVote}
        >
          {/* The name reads "+1 for TypeScript · 3": what is seen, plus which request (no aria-label that could drift from the text). */}
          {/* One inline wrapper: a flex button would drop the spaces between loose text and the hidden span. */}
          <span>
            {t('requests.plusOne')} <span className={styles.visuallyHidden}>{t('requests.plusOneContext', { skill: r.skill })}</span>{' '}
            {t('requests.plusOneCount', { count: r.votes })}
          </span>
        </ToggleButton>
        {!r.isAuthor && r.status === 'open' ? (
          <Button appearance="primary" disabled={busy} onClick={onTake}>
            {t('requests.teach')}
          </Button>
        ) : null}
        {r.canHandBack ? (
          <Button appearance="secondary" disabled={busy} onClick={onHandBack}>
            {busy ? t('requests.handingBack') : t('requests.handBack')}
          </Button>
        ) : null}
        {r.canClose ? (
          <Button appearance="subtle" disabled={busy} onClick={onClose}>
            {t('requests.close')}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}

type AskField = 'skill' | 'note';
type AskErrors = Partial<Record<AskField, RequestProblemCode>>;
const isAskCode = (code: string): code is RequestProblemCode => (REQUEST_PROBLEMS as readonly string[]).includes(code);

/** A server complaint about a field goes away once the person changes that field. */
const without = (errors: AskErrors, field: AskField): AskErrors =>
  Object.fromEntries(Object.entries(errors).filter(([name]) => name !== field));

/** The service's own limits (from the contract), checked here first so nobody waits for the server to hear "too long". */
function checkAsk(skill: string, note: string): AskErrors {
  const errors: AskErrors = {};
  const s = skill.trim();
  if (!s) errors.skill = 'skillRequired';
  else if (s.length > REQUEST_SKILL_MAX) errors.skill = 'skillTooLong';
  else if (!/[\p{L}\p{N}]/u.test(s)) errors.skill = 'skillInvalid';
  if (note.trim().length > REQUEST_NOTE_MAX) errors.note = 'noteTooLong';
  return errors;
}

interface AskFormProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly onSaved: (request: LearningRequestView, created: boolean) => void;
}

/** "Ask to learn something": inline checks in the reader's language; what was typed stays on a failed save. */
function AskForm({ api, teamId, onSaved }: AskFormProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const titleId = useId('ask-title');
  const skillId = useId('ask-skill');
  const [skill, setSkill] = useState('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<AskErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  const [outcome, setOutcome] = useState<{ readonly created: boolean; readonly skill: string } | undefined>(undefined);
  // "Did you mean Python?" under the field after a 400 unknownSkill; a skill kept as new goes with the next save.
  const skillQuestions = useSkillQuestions(skill, setSkill);

  const live = checkAsk(skill, note);
  const error = (field: AskField) => serverErrors[field] ?? (submitted || (field === 'note' && live.note) ? live[field] : undefined);
  const fieldProps = (field: AskField) => {
    const code = error(field);
    if (!code) return {};
    return {
      validationState: 'error' as const,
      validationMessage: t(`requests.errors.${code}`, { max: field === 'skill' ? REQUEST_SKILL_MAX : REQUEST_NOTE_MAX }),
    };
  };

  const submit = async () => {
    setSubmitted(true);
    setSaveError(undefined);
    setOutcome(undefined);
    if (Object.keys(checkAsk(skill, note)).length > 0) {
      document.getElementById(skillId)?.focus();
      return;
    }
    setSaving(true);
    try {
      const answer = await createLearningRequest(api, teamId, {
        skill: skill.trim(),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...skillQuestions.confirmed,
      });
      skillQuestions.reset();
      onSaved(answer.request, answer.created);
      setOutcome({ created: answer.created, skill: answer.request.skill });
      setSkill('');
      setNote('');
      setSubmitted(false);
    } catch (failure) {
      // Nothing typed is lost: the values stay in the form.
      if (skillQuestions.asked(failure)) {
        document.getElementById(skillId)?.focus();
        return;
      }
      setSaveError(failure);
      if (failure instanceof ApiRequestError) {
        const mapped: AskErrors = {};
        for (const field of ['skill', 'note'] as const) {
          const code = failure.fields[field];
          if (code) mapped[field] = isAskCode(code) ? code : 'bodyInvalid';
        }
        setServerErrors(mapped);
      }
    } finally {
      setSaving(false);
    }
  };

  const hasFieldErrors = Object.keys(serverErrors).length > 0;
  return (
    <form
      className={styles.form}
      noValidate
      aria-labelledby={titleId}
      data-testid="ask-to-learn"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Text as="h3" id={titleId} weight="semibold" size={400} className={styles.formHeading}>
        {t('requests.askTitle')}
      </Text>
      {outcome ? (
        <MessageBar intent={outcome.created ? 'success' : 'info'} role="status">
          <MessageBarBody>
            {outcome.created ? t('requests.created', { skill: outcome.skill }) : t('requests.already', { skill: outcome.skill })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {saveError !== undefined ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {hasFieldErrors ? t('requests.saveFailed') : `${t('requests.saveFailed')} ${t(failureKey(saveError))}`}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t('requests.skill')} required hint={t('requests.skillHint')} {...fieldProps('skill')}>
        <SkillCombobox
          api={api}
          teamId={teamId}
          id={skillId}
          value={skill}
          maxLength={200}
          onChange={(value) => {
            setSkill(value);
            setServerErrors((e) => without(e, 'skill'));
          }}
        />
      </Field>
      <SkillQuestions questions={skillQuestions.questions} onUse={skillQuestions.use} onKeep={skillQuestions.keep} />
      <Field label={t('requests.note')} hint={t('requests.noteHint', { max: REQUEST_NOTE_MAX })} {...fieldProps('note')}>
        <Textarea
          value={note}
          resize="vertical"
          rows={2}
          onChange={(_, d) => {
            setNote(d.value);
            setServerErrors((e) => without(e, 'note'));
          }}
        />
      </Field>
      <div>
        <Button type="submit" appearance="secondary" disabled={saving}>
          {saving ? t('requests.saving') : t('requests.submit')}
        </Button>
      </div>
    </form>
  );
}
