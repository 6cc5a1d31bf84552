import type { Outbox, OutboxJob } from '../delivery/outbox';
import type { LearningSession } from '../sessions/session';
import type { PersonRef } from '../shared/person';
import { toLocale } from '../shared/person';
import type { Locale } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import { failWith, ok } from '../shared/result';
import type { Reason, Result, SessionFailure } from '../shared/result';
import type { Team } from '../teams/team';
import { namesOf } from '../teams/person-names';
import { planPlanned, reopened } from './learning-request';
import type { LearningRequest } from './learning-request';

type AskersJob = Extract<OutboxJob, { readonly kind: 'notifyAskers' }>;

/** What the askers' message shows, read when the job runs. */
interface AskersContent {
  readonly request: LearningRequest;
  readonly session: LearningSession;
  readonly team: Team | undefined;
  /** The team's; each asker reads theirs (`askers`). */
  readonly locale: Locale;
  readonly plannerName: string | undefined;
  /** The host's, teachers' and discussion leader's names, for the invite. */
  readonly names: ReadonlyMap<string, string>;
  readonly askers: readonly { readonly userId: string; readonly locale: Locale }[];
}

interface RequestSessionsDeps {
  readonly repositories: Pick<Repositories, 'learningRequests' | 'sessions' | 'teams' | 'members'>;
  readonly outbox: Outbox;
}

const fail = failWith<SessionFailure>('session');

export type RequestSessions = ReturnType<typeof createRequestSessions>;

/**
 * The loop between a learning request and the session planned from it (issue #12): saving the
 * session takes the request (first save wins, under the request's ETag), everyone who asked or +1'd
 * hears about it; cancelling that session opens the request again and tells them.
 */
export function createRequestSessions(deps: RequestSessionsDeps) {
  const repos = deps.repositories;

  return {
    /**
     * Before the session is stored: the request becomes `planned` with the session's id. Refused (and
     * nothing changed) when someone else planned it first, or it is closed, unknown or the planner's own.
     */
    async claim(
      actor: PersonRef,
      teamId: string,
      requestId: string,
      sessionId: string,
      now: Date,
    ): Promise<Result<LearningRequest, SessionFailure>> {
      let refusal: Reason<SessionFailure> | undefined;
      const updated = await repos.learningRequests.update(actor.tenantId, teamId, requestId, (current) => {
        const plan = planPlanned(current, actor.userId, sessionId, now);
        if (plan.ok) {
          refusal = undefined;
          return plan.request;
        }
        refusal =
          plan.reason === 'plannedByOther'
            ? { kind: 'requestPlanned', ...(current.sessionId ? { sessionId: current.sessionId } : {}) }
            : { kind: 'requestUnavailable' };
        return undefined;
      });
      if (!updated) return fail({ kind: 'requestUnavailable' });
      if (refusal) return fail(refusal);
      return ok(updated);
    },

    /** The session could not be stored after all: the request is open again, as if nothing happened. */
    async unclaim(request: LearningRequest, now: Date): Promise<void> {
      await repos.learningRequests.update(request.tenantId, request.teamId, request.requestId, (current) =>
        current.status === 'planned' && current.sessionId === request.sessionId ? reopened(current, now) : undefined,
      );
    },

    /** After the session is stored: the askers get the invite, each in their language (through the outbox). */
    async announce(request: LearningRequest, sessionId: string): Promise<void> {
      await deps.outbox.enqueue({
        kind: 'notifyAskers',
        event: 'planned',
        tenantId: request.tenantId,
        teamId: request.teamId,
        requestId: request.requestId,
        sessionId,
      });
    },

    /**
     * The session planned from a request was cancelled: the request is open again (someone else may
     * take it) and the askers are told the session is off.
     */
    async release(session: LearningSession, now: Date): Promise<void> {
      const { requests } = await repos.learningRequests.listForTeam(session.tenantId, session.teamId);
      for (const request of requests.filter((r) => r.status === 'planned' && r.sessionId === session.sessionId)) {
        const updated = await repos.learningRequests.update(request.tenantId, request.teamId, request.requestId, (current) =>
          current.status === 'planned' && current.sessionId === session.sessionId ? reopened(current, now) : undefined,
        );
        if (!updated) continue;
        await deps.outbox.enqueue({
          kind: 'notifyAskers',
          event: 'cancelled',
          tenantId: request.tenantId,
          teamId: request.teamId,
          requestId: request.requestId,
          sessionId: session.sessionId,
        });
      }
    },

    /**
     * Who to tell, read when the job runs: everyone who asked or +1'd, never the planner. Stale (nothing)
     * when a planned notice finds the request no longer planned with this session, or the session off.
     */
    async askersContent(job: AskersJob): Promise<AskersContent | undefined> {
      const [team, session, all] = await Promise.all([
        repos.teams.get(job.tenantId, job.teamId),
        repos.sessions.get(job.tenantId, job.teamId, job.sessionId),
        repos.learningRequests.listForTeam(job.tenantId, job.teamId),
      ]);
      const request = all.requests.find((r) => r.requestId === job.requestId);
      if (!session || !request) return undefined;
      if (
        job.event === 'planned' &&
        (request.status !== 'planned' || request.sessionId !== job.sessionId || session.status === 'cancelled')
      ) {
        return undefined;
      }
      if (job.event === 'cancelled' && session.status !== 'cancelled') return undefined;
      const ids = [
        ...new Set([request.authorUserId, ...all.votes.filter((v) => v.requestId === request.requestId).map((v) => v.userId)]),
      ].filter((id) => id !== session.hostId);
      const locale = toLocale(team?.locale);
      const profiles = new Map((await repos.members.getMany(job.tenantId, ids)).map((p) => [p.userId, p]));
      const askers = ids.map((userId) => {
        const own = profiles.get(userId)?.locale;
        return { userId, locale: own ? toLocale(own) : locale };
      });
      const named = [session.hostId, ...session.teacherIds, ...(session.discussionLeaderId ? [session.discussionLeaderId] : [])];
      const people = await namesOf(repos, job.tenantId, named, job.teamId);
      const names = new Map([...people.values()].map((p) => [p.userId, p.displayName]));
      const plannerName = names.get(session.hostId) || undefined;
      return { request, session, team, locale, plannerName, names, askers };
    },
  };
}
