import type { Outbox } from '../delivery/outbox';
import type { PersonRef } from '../shared/person';
import { failWith, ok } from '../shared/result';
import type { Result, SessionFailure } from '../shared/result';
import type { Repositories } from '../shared/repositories';
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
      const rsvp = await repos.rsvps.get(actor.tenantId, sessionId, actor.userId);
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
      };
      await repos.feedback.put(feedback);
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
  };
}
