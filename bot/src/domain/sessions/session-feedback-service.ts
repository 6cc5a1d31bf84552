import type { Outbox } from '../delivery/outbox';
import type { PersonRef } from '../shared/person';
import { failWith, ok } from '../shared/result';
import type { Result, SessionFailure } from '../shared/result';
import type { Repositories } from '../shared/repositories';
import { APPLIED_ANSWERS, APPLIED_FOLLOW_UP_DAYS, APPLIED_NOTE_MAX, sessionEndsAt } from './session';
import type { Feedback } from './session';
import { loadSession } from './session-lookup';
import { QUESTION_MAX_LENGTH } from './session-question';
import type { SessionQuestion } from './session-question';
import { rsvpClosedReason } from './session-rules';
import { createTeamAccess, mayTakePart } from '../teams/team-access';

/** Feedback notices to the host wait this long, so a burst of answers makes one summary. */
const SUMMARY_DEBOUNCE_MINUTES = 10;
/** The insights fold after feedback waits as long, so it reads the whole burst. */
const FOLD_AFTER_FEEDBACK_MINUTES = 10;

interface FeedbackInput {
  readonly rating: unknown;
  readonly learnedSomethingNew: unknown;
  readonly willApply: unknown;
}

interface AppliedInput {
  readonly level: unknown;
  readonly note: unknown;
}

interface SessionFeedbackServiceDeps {
  readonly repositories: Pick<Repositories, 'sessions' | 'rsvps' | 'questions' | 'feedback' | 'teams'>;
  readonly outbox: Outbox;
  readonly now: () => Date;
  readonly newId?: () => string;
}

type Outcome<T> = Result<T, SessionFailure>;
const fail = failWith<SessionFailure>('session');

export type SessionFeedbackService = ReturnType<typeof createSessionFeedbackService>;

/** Questions to the host before a session, and feedback after it (F5). */
export function createSessionFeedbackService(deps: SessionFeedbackServiceDeps) {
  const { repositories: repos, outbox } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const access = createTeamAccess(repos.teams);
  return {
    /** A question to the host; with `anonymous` no asker id is stored at all. */
    async ask(actor: PersonRef, teamId: string, sessionId: string, text: unknown, anonymous: boolean): Promise<Outcome<SessionQuestion>> {
      const trimmed = typeof text === 'string' ? text.trim() : '';
      if (trimmed === '') return fail({ kind: 'badInput', code: 'questionEmpty' });
      if (trimmed.length > QUESTION_MAX_LENGTH) return fail({ kind: 'badInput', code: 'questionTooLong' });
      const session = await loadSession(repos.sessions, actor.tenantId, teamId, sessionId);
      if (!session) return fail({ kind: 'notFound' });
      if (!mayTakePart(await access.standing(actor, teamId), session)) return fail({ kind: 'notMember' });
      const closed = rsvpClosedReason(session, deps.now());
      if (closed) return fail({ kind: 'closed', reason: closed });
      const question: SessionQuestion = {
        tenantId: actor.tenantId,
        teamId,
        sessionId,
        questionId: newId(),
        text: trimmed,
        ...(anonymous ? {} : { askerId: actor.userId }),
        askedAt: deps.now().toISOString(),
      };
      await repos.questions.add(question);
      return ok(question);
    },

    /** Attendees only, after the start; answering again replaces the earlier answer. */
    async giveFeedback(actor: PersonRef, teamId: string, sessionId: string, input: FeedbackInput): Promise<Outcome<Feedback>> {
      const rating = typeof input.rating === 'number' ? input.rating : typeof input.rating === 'string' ? Number(input.rating) : NaN;
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) return fail({ kind: 'badInput', code: 'ratingInvalid' });
      const session = await loadSession(repos.sessions, actor.tenantId, teamId, sessionId);
      if (!session) return fail({ kind: 'notFound' });
      if (session.status === 'cancelled') return fail({ kind: 'closed', reason: 'cancelled' });
      const now = deps.now();
      if (Date.parse(session.startsAt) > now.getTime()) return fail({ kind: 'notEnded' });
      const [rsvp, earlier] = await Promise.all([
        repos.rsvps.get(actor.tenantId, sessionId, actor.userId),
        repos.feedback.get(actor.tenantId, sessionId, actor.userId),
      ]);
      if (!rsvp || rsvp.response !== 'yes' || rsvp.waitlisted) return fail({ kind: 'notAttendee' });
      const willApply = typeof input.willApply === 'string' ? input.willApply.trim().slice(0, 500) : '';
      const learned = input.learnedSomethingNew === true || input.learnedSomethingNew === 'true' || input.learnedSomethingNew === 'yes';
      const feedback: Feedback = {
        tenantId: actor.tenantId,
        teamId,
        sessionId,
        userId: actor.userId,
        rating,
        learnedSomethingNew: learned,
        willApply,
        submittedAt: now.toISOString(),
        // Answering the feedback again keeps the follow-up's answer.
        ...(earlier?.applied ? { applied: earlier.applied } : {}),
      };
      await repos.feedback.put(feedback);
      // "Did you apply it?" two weeks after the end, to who said what they will apply. One key per person and
      // session: answering the feedback again queues it again but posts it once; emptied by then, it posts nothing.
      if (willApply !== '')
        await outbox.enqueue(
          { ...followUpOf(actor, teamId, sessionId), ref: session.startsAt },
          { notBefore: new Date(sessionEndsAt(session).getTime() + APPLIED_FOLLOW_UP_DAYS * 86_400_000) },
        );
      await outbox.enqueue(
        { kind: 'notifyPerson', tenantId: actor.tenantId, teamId, sessionId, userId: session.hostId, reason: 'feedbackSummary' },
        { notBefore: new Date(now.getTime() + SUMMARY_DEBOUNCE_MINUTES * 60_000) },
      );
      // Insights: the fold after a burst of answers takes them all in (idempotent, so one per answer does no harm).
      await outbox.enqueue(
        { kind: 'foldInsights', tenantId: actor.tenantId, teamId, sessionId },
        { notBefore: new Date(now.getTime() + FOLD_AFTER_FEEDBACK_MINUTES * 60_000) },
      );
      return ok(feedback);
    },

    /**
     * The answer to the follow-up (issue #12): only from who said what they will apply (they were the
     * ones asked); a second answer replaces the first. The host's summary follows, debounced as above.
     */
    async answerApplied(actor: PersonRef, teamId: string, sessionId: string, input: AppliedInput): Promise<Outcome<Feedback>> {
      const level = APPLIED_ANSWERS.find((a) => a === input.level);
      if (!level) return fail({ kind: 'badInput', code: 'appliedInvalid' });
      const note = typeof input.note === 'string' ? input.note.replace(/\s+/g, ' ').trim() : '';
      if (note.length > APPLIED_NOTE_MAX) return fail({ kind: 'badInput', code: 'appliedNoteTooLong' });
      const [session, feedback] = await Promise.all([
        loadSession(repos.sessions, actor.tenantId, teamId, sessionId),
        repos.feedback.get(actor.tenantId, sessionId, actor.userId),
      ]);
      if (!session) return fail({ kind: 'notFound' });
      if (!feedback || feedback.teamId !== teamId || feedback.willApply.trim() === '') return fail({ kind: 'notAsked' });
      const now = deps.now();
      const answered: Feedback = { ...feedback, applied: { level, note, answeredAt: now.toISOString() } };
      await repos.feedback.put(answered);
      await outbox.enqueue(
        { kind: 'notifyPerson', tenantId: actor.tenantId, teamId, sessionId, userId: session.hostId, reason: 'feedbackSummary' },
        { notBefore: new Date(now.getTime() + SUMMARY_DEBOUNCE_MINUTES * 60_000) },
      );
      return ok(answered);
    },
  };
}

/** The follow-up's notice: a personal message about the session, composed when due (jobs/sessions/compose-job.ts). */
export const APPLIED_FOLLOW_UP = 'askApplied';

const followUpOf = (actor: PersonRef, teamId: string, sessionId: string) =>
  ({ kind: 'notifyPerson', tenantId: actor.tenantId, teamId, sessionId, userId: actor.userId, reason: APPLIED_FOLLOW_UP }) as const;
