import type { Outbox } from '../delivery/outbox';
import type { PersonRef } from '../shared/person';
import { failWith, ok } from '../shared/result';
import type { Result, SessionFailure } from '../shared/result';
import type { Repositories } from '../shared/repositories';
import { RSVP_RESPONSES } from '../sessions/session';
import type { LearningSession, Rsvp, RsvpResponse } from '../sessions/session';
import { loadSession } from '../sessions/session-lookup';
import { rsvpClosedReason } from '../sessions/session-rules';
import { createTeamAccess, mayTakePart } from '../teams/team-access';
import { createInviteUpdates } from './invite-updates';
import { waitlistPosition } from './rsvp-rules';
import { singleFlight } from '../shared/single-flight';
import type { AnswersInFlight } from './answers-in-flight';

interface RsvpServiceDeps {
  readonly repositories: Pick<Repositories, 'sessions' | 'rsvps' | 'teams'>;
  readonly outbox: Outbox;
  readonly now: () => Date;
  /** Answers being served, for background work that waits while there are (answers-in-flight.ts). */
  readonly inFlight: AnswersInFlight;
}

const fail = failWith<SessionFailure>('session');

/** The stored answer, the session with its counts after it, and who answered last (for the answer's card). */
export interface RsvpAnswered {
  readonly session: LearningSession;
  readonly rsvp: Rsvp;
  readonly recentResponders: readonly string[];
}

export type RsvpService = ReturnType<typeof createRsvpService>;

/** RSVPs (F4): yes, maybe or no to a session, with the waitlist; the invite card follows by a job. */
export function createRsvpService(deps: RsvpServiceDeps) {
  const { repositories: repos, outbox } = deps;
  const access = createTeamAccess(repos.teams);
  const inviteUpdates = createInviteUpdates(outbox, deps.now);
  // A burst of answers to one session reads its row once per overlap, not once per answer.
  const sessionRead = singleFlight<LearningSession | undefined>();
  async function respond(
    actor: PersonRef,
    teamId: string,
    sessionId: string,
    response: unknown,
  ): Promise<Result<RsvpAnswered, SessionFailure>> {
    if (!RSVP_RESPONSES.includes(response as RsvpResponse)) return fail({ kind: 'badInput', code: 'responseInvalid' });
    const session = await sessionRead(`${actor.tenantId}\n${teamId}\n${sessionId}`, () =>
      loadSession(repos.sessions, actor.tenantId, teamId, sessionId),
    );
    if (!session) return fail({ kind: 'notFound' });
    if (!mayTakePart(await access.standing(actor, teamId), session)) return fail({ kind: 'notMember' });
    const closed = rsvpClosedReason(session, deps.now());
    if (closed) return fail({ kind: 'closed', reason: closed });
    const ref = { tenantId: actor.tenantId, teamId, sessionId };
    // The posted card follows with one update per burst of answers, not one per answer.
    const outcome = await inviteUpdates.around(
      ref,
      () => repos.rsvps.respond(session, actor.userId, response as RsvpResponse, deps.now()),
      () => Boolean(session.channelId),
    );
    if (outcome.promoted) {
      await outbox.enqueue({
        kind: 'notifyPerson',
        ...ref,
        userId: outcome.promoted.userId,
        reason: 'waitlistPromoted',
        ref: outcome.rsvp.respondedAt,
      });
    }
    return ok({ session: outcome.session, rsvp: outcome.rsvp, recentResponders: outcome.recentResponders });
  }

  return {
    respond(actor: PersonRef, teamId: string, sessionId: string, response: unknown): Promise<Result<RsvpAnswered, SessionFailure>> {
      return deps.inFlight.track(() => respond(actor, teamId, sessionId, response));
    },

    /**
     * Someone's place in the session's waitlist (1 = next to get a seat), undefined when they are not
     * waiting. Reads the session's answers: asked only for a waitlisted answer, never on a card's path.
     */
    async waitlistPosition(tenantId: string, sessionId: string, userId: string): Promise<number | undefined> {
      return waitlistPosition(await repos.rsvps.listForSession(tenantId, sessionId), userId);
    },
  };
}
