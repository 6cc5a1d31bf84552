import { useCallback, useState } from 'react';
import { SkillTags } from '../../shared/ui/skill-tags';
import type { ReactNode } from 'react';
import {
  Body1,
  Button,
  Card,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { QUESTION_MAX_LENGTH } from '../../../../bot/src/api/contract';
import type {
  FeedbackSummaryView,
  SessionChangeResponse,
  SessionChangeScope,
  SessionDetailResponse,
  SessionPerson,
} from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey } from '../../shared/error-message';
import { hrefFor } from '../../shared/routes';
import { safeWebUrl } from '../../shared/safe-url';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import type { BoardSession } from '../../shared/sessions/board-session';
import { SessionTime } from '../../shared/sessions/session-time';
import { RsvpButtons } from '../../shared/sessions/rsvp-buttons';
import { names } from '../../shared/sessions/session-card';
import { rsvpFailureKey, useRsvp } from '../../shared/sessions/use-rsvp';
import { askQuestion, cancelSession, getSessionDetail } from '../../shared/sessions/get-session';
import { useExternalLinkClick } from '../../shared/open-link';
import { SeriesScopeChoice } from '../../shared/sessions/series-scope-choice';
import { SessionBadges } from '../../shared/sessions/session-badges';
import { usePersonName } from '../../shared/person-name';
import { AppliedSummary } from './applied-summary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '48rem' },
  title: { margin: 0, overflowWrap: 'anywhere' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  text: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

export interface SessionDetailProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly sessionId: string;
  readonly locale: string;
  /** Just saved as an occurrence of a series: how many sessions changed. */
  readonly savedChanged?: number | undefined;
  /** For tests: the viewer's own time zone (default: the browser's). */
  readonly viewerTimeZone?: string | undefined;
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section}>
      <Subtitle2 as="h2" className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

function People({ people }: { readonly people: readonly SessionPerson[] }) {
  const styles = useStyles();
  const name = usePersonName();
  return (
    <ul className={styles.list}>
      {people.map((p, i) => (
        // By position too: several people who erased their data share the one former-colleague id.
        <li key={`${i}:${p.userId}`}>{name(p, { start: true })}</li>
      ))}
    </ul>
  );
}

/** The signed `.ics` link works without a token; only http(s) (absolute or on this origin) becomes a link. */
function calendarHref(url: string): string | undefined {
  try {
    const resolved = new URL(url, window.location.href);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/** One session: what, when, who, RSVP, calendar, join; the host also sees questions and the private feedback summary. */
export default function SessionDetailView({ api, teamId, sessionId, locale, savedChanged, viewerTimeZone }: SessionDetailProps) {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => getSessionDetail(api, teamId, sessionId, signal), [api, teamId, sessionId]);
  const detail = useAsync(load);
  if (detail.status === 'loading') return <LoadingState label={t('detail.loading')} />;
  if (detail.status === 'error') return <ErrorState headingLevel={2} error={detail.error} onRetry={detail.retry} />;
  return (
    <Detail api={api} teamId={teamId} loaded={detail.data} locale={locale} savedChanged={savedChanged} viewerTimeZone={viewerTimeZone} />
  );
}

interface DetailProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly loaded: SessionDetailResponse;
  readonly locale: string;
  readonly savedChanged?: number | undefined;
  readonly viewerTimeZone?: string | undefined;
}

function Detail({ api, teamId, loaded, locale, savedChanged, viewerTimeZone }: DetailProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const name = usePersonName();
  const [detail, setDetail] = useState(loaded);
  // What the last change of a series did, said once: "Saved: 6 sessions changed." / "4 sessions cancelled."
  const [notice, setNotice] = useState<string | undefined>(
    savedChanged === undefined ? undefined : t('detail.seriesSaved', { count: savedChanged }),
  );
  const rsvp = useRsvp(api);
  const sessionId = detail.sessionId;
  const base: BoardSession = {
    ...detail,
    myRsvp: detail.myResponse ?? null,
    waitlisted: detail.myWaitlisted,
    ...(detail.myWaitlistPosition ? { waitlistPosition: detail.myWaitlistPosition } : {}),
  };
  const session = rsvp.shown.get(sessionId) ?? base;
  const joinUrl = safeWebUrl(session.onlineUrl);
  const openJoin = useExternalLinkClick(joinUrl);
  const calendar = calendarHref(detail.calendarUrl);
  const cancelled = session.status === 'cancelled';
  const open = session.upcoming && !cancelled;

  return (
    <article className={styles.root} data-testid="session-detail" aria-labelledby="session-detail-title">
      <Link href={hrefFor({ name: 'board' })}>← {t('detail.back')}</Link>
      <Title2 as="h1" id="session-detail-title" className={styles.title}>
        {session.title}
      </Title2>
      <div className={styles.row}>
        <SessionBadges session={session} />
        <Body1>
          <SessionTime
            startsAt={session.startsAt}
            durationMinutes={session.durationMinutes}
            locale={locale}
            teamTimeZone={detail.timeZone}
            viewerTimeZone={viewerTimeZone}
          />
        </Body1>
      </div>
      {open ? (
        <div className={styles.row}>
          <RsvpButtons
            title={session.title}
            value={session.myRsvp}
            pending={rsvp.pending.get(sessionId)}
            queued={rsvp.queued.get(sessionId)}
            waitlisted={session.waitlisted}
            waitlistPosition={session.waitlistPosition}
            onAnswer={(a) => rsvp.answer(session, a)}
          />
          {calendar ? (
            <Button as="a" href={calendar} download>
              {t('detail.addToCalendar')}
            </Button>
          ) : null}
          {joinUrl ? (
            <Button as="a" appearance="primary" href={joinUrl} target="_blank" rel="noopener noreferrer" onClick={openJoin}>
              {t('detail.join')}
            </Button>
          ) : null}
          {detail.isHost ? (
            <>
              <Button as="a" href={hrefFor({ name: 'plan', teamId, sessionId })}>
                {t('detail.edit')}
              </Button>
              <CancelSession
                api={api}
                teamId={teamId}
                sessionId={sessionId}
                series={detail.seriesId !== undefined}
                onCancelled={(cancelled) => {
                  setDetail(cancelled);
                  setNotice(detail.seriesId !== undefined ? t('detail.seriesCancelled', { count: cancelled.changed }) : undefined);
                }}
              />
            </>
          ) : null}
        </div>
      ) : null}
      {notice ? (
        <MessageBar intent="success" data-testid="series-notice">
          <MessageBarBody role="status">{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {session.waitlisted ? <Body1 as="p">{t('detail.youAreWaitlisted')}</Body1> : null}
      {rsvp.failed.has(sessionId) ? (
        <Body1 as="p" role="alert" className={styles.error}>
          {t(rsvpFailureKey(rsvp.errors.get(sessionId)))}
        </Body1>
      ) : null}
      <Section title={t('detail.description')}>
        <Body1 as="p" className={styles.text}>
          {session.description || t('detail.noDescription')}
        </Body1>
        <SkillTags skills={session.skills} />
      </Section>
      <Section title={t('detail.roles')}>
        <dl className={styles.facts}>
          <dt className={styles.term}>{t('board.session.hostedBy')}</dt>
          <dd className={styles.value}>{name(session.host, { start: true })}</dd>
          {session.teachers.length > 0 ? (
            <>
              <dt className={styles.term}>{t('board.session.teaching')}</dt>
              <dd className={styles.value}>{names(session.teachers, locale, name)}</dd>
            </>
          ) : null}
          {session.discussionLeader ? (
            <>
              <dt className={styles.term}>{t('board.session.discussionLeader')}</dt>
              <dd className={styles.value}>{name(session.discussionLeader, { start: true })}</dd>
            </>
          ) : null}
          <dt className={styles.term}>{t('board.session.where')}</dt>
          <dd className={styles.value}>{session.place ?? (joinUrl ? t('board.session.joinOnline') : t('board.session.placeTbd'))}</dd>
        </dl>
      </Section>
      <Section title={t('detail.attendees')}>
        <Body1 as="p" className={styles.text}>
          {session.capacity === null
            ? t('board.session.going', { count: session.going })
            : t('board.session.goingOfCapacity', { going: session.going, capacity: session.capacity })}
          {session.maybe > 0 ? ` · ${t('board.session.maybe', { count: session.maybe })}` : null}
        </Body1>
        {detail.attendees.length === 0 ? (
          <Body1 as="p" className={styles.text}>
            {t('detail.noAttendees')}
          </Body1>
        ) : (
          <People people={detail.attendees} />
        )}
        {detail.waitlist.length > 0 ? (
          <>
            <Body1 as="p" className={styles.text}>
              {t('detail.waitlist')}
            </Body1>
            <People people={detail.waitlist} />
          </>
        ) : null}
      </Section>
      {detail.isHost ? (
        <>
          <Section title={t('detail.questionsTitle')}>
            {!detail.questions || detail.questions.length === 0 ? (
              <Body1 as="p" className={styles.text}>
                {t('detail.questionsNone')}
              </Body1>
            ) : (
              <ul className={styles.list}>
                {detail.questions.map((q) => (
                  <li key={q.questionId}>
                    {q.text} — <em>{q.asker ? name(q.asker, { start: true }) : t('detail.anonymous')}</em>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <FeedbackCard feedback={detail.feedbackSummary} locale={locale} />
        </>
      ) : open ? (
        <AskQuestion api={api} teamId={teamId} sessionId={sessionId} />
      ) : null}
    </article>
  );
}

interface CancelSessionProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly sessionId: string;
  /** An occurrence of a series: the dialog asks whether the later sessions stop too. */
  readonly series: boolean;
  readonly onCancelled: (d: SessionChangeResponse) => void;
}

function CancelSession({ api, teamId, sessionId, series, onCancelled }: CancelSessionProps) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<SessionChangeScope>('one');
  const confirm = async () => {
    setBusy(true);
    setFailed(undefined);
    try {
      onCancelled(await cancelSession(api, teamId, sessionId, series ? scope : 'one'));
      setOpen(false);
    } catch (error) {
      setFailed(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('detail.cancel')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('detail.cancelTitle')}</DialogTitle>
          <DialogContent>
            <p>{t('detail.cancelText')}</p>
            {series ? <SeriesScopeChoice value={scope} onChange={setScope} disabled={busy} /> : null}
            {failed !== undefined ? (
              <p role="alert">
                {t('detail.cancelFailed')} {t(`common.errors.${errorMessageKey(failed)}`)}
              </p>
            ) : null}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('detail.cancelKeep')}</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={busy} onClick={() => void confirm()}>
              {t('detail.cancelConfirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function AskQuestion({ api, teamId, sessionId }: { readonly api: ApiClient; readonly teamId: string; readonly sessionId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [state, setState] = useState<'idle' | 'empty' | 'sending' | 'sent' | 'failed'>('idle');
  const send = async () => {
    if (!text.trim()) return setState('empty');
    setState('sending');
    try {
      await askQuestion(api, teamId, sessionId, text.trim(), anonymous);
      setText('');
      setState('sent');
    } catch {
      // The question stays in the box.
      setState('failed');
    }
  };
  return (
    <form
      className={styles.section}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <Subtitle2 as="h2" className={styles.heading}>
        {t('detail.askTitle')}
      </Subtitle2>
      <Field
        label={t('detail.askLabel')}
        {...(state === 'empty' ? { validationMessage: t('detail.askEmpty'), validationState: 'error' as const } : {})}
      >
        <Textarea value={text} onChange={(_, d) => setText(d.value)} maxLength={QUESTION_MAX_LENGTH} />
      </Field>
      <Checkbox checked={anonymous} onChange={(_, d) => setAnonymous(d.checked === true)} label={t('detail.askAnonymous')} />
      <div>
        <Button type="submit" disabled={state === 'sending'}>
          {t('detail.askSend')}
        </Button>
      </div>
      {state === 'sent' ? <Body1 role="status">{t('detail.askSent')}</Body1> : null}
      {state === 'failed' ? (
        <Body1 role="alert" className={styles.error}>
          {t('detail.askFailed')}
        </Body1>
      ) : null}
    </form>
  );
}

function FeedbackCard({ feedback, locale }: { readonly feedback: FeedbackSummaryView | undefined; readonly locale: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Card data-testid="feedback-summary">
      <Subtitle2 as="h2" className={styles.heading}>
        {t('detail.feedbackTitle')}
      </Subtitle2>
      {!feedback || feedback.responses === 0 ? (
        <Body1 as="p" className={styles.text}>
          {t('detail.feedbackNone')}
        </Body1>
      ) : (
        <>
          <Body1 as="p" className={styles.text}>
            {t('detail.feedbackResponses', { count: feedback.responses })}
            {feedback.averageRating !== undefined
              ? ` · ${t('detail.feedbackAverage', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(feedback.averageRating) })}`
              : null}
            {` · ${t('detail.feedbackLearned', { count: feedback.learnedSomethingNew })}`}
          </Body1>
          {feedback.willApply.length > 0 ? (
            <>
              <Body1 as="p" className={styles.text}>
                {t('detail.feedbackApply')}
              </Body1>
              <ul className={styles.list}>
                {feedback.willApply.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </>
          ) : null}
          <AppliedSummary applied={feedback.applied} className={styles.text} listClassName={styles.list} />
        </>
      )}
    </Card>
  );
}
