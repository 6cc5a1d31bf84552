import type { Repositories } from '../shared/repositories';
import { failWith, ok } from '../shared/result';
import type { Result, SessionFailure } from '../shared/result';
import { namesOf } from '../teams/person-names';
import type { NamedPerson } from '../teams/person-names';
import type { Team } from '../teams/team';
import { createTeamAccess, mayTakePart } from '../teams/team-access';
import type { RsvpAnswered } from '../rsvp/rsvp-service';
import type { LearningSession, Rsvp } from './session';
import type { SessionQuestion } from './session-question';
import { loadSession } from './session-lookup';
import { singleFlight } from '../shared/single-flight';

/** What one person's invite card needs: no attendee list, only who answered last (for Teams' refresh). */
export interface SessionCardView {
  readonly session: LearningSession;
  readonly team: Team;
  /** The host, teachers and discussion leader: the only people a card names. */
  readonly people: ReadonlyMap<string, NamedPerson>;
  /** The people who answered last, newest first (domain/rsvp/recent-responders.ts). */
  readonly recentResponders: readonly string[];
  readonly viewerRsvp?: Rsvp;
  /** Only for the host. */
  readonly questions?: readonly SessionQuestion[];
}

const fail = failWith<SessionFailure>('session');

/**
 * The card view reads the session row, the RSVP tally (its recent responders) and the viewer's own
 * answer: a fixed number of point reads whatever the number of answers; right after an answer, not
 * even those (the answer brought them). An RSVP burst that read every RSVP row per answer cost n²
 * reads (docs/BENCHMARKS.md, RSVP burst).
 */
export function createSessionCardView(repos: Pick<Repositories, 'sessions' | 'teams' | 'rsvps' | 'members' | 'questions'>) {
  const access = createTeamAccess(repos.teams);
  // Every answer of a burst shows the same team and the same host: overlapping reads of them are shared.
  const teamRead = singleFlight<Team | undefined>();
  const namesRead = singleFlight<ReadonlyMap<string, NamedPerson>>();
  return async function cardView(
    tenantId: string,
    teamId: string,
    sessionId: string,
    viewerId: string,
    /** The viewer's answer just stored (RsvpService.respond, which checked their access): nothing of it is read again. */
    answered?: RsvpAnswered,
  ): Promise<Result<SessionCardView, SessionFailure>> {
    // Side by side: none of these reads depends on another, and an answer waits for all of them.
    const [session, team, standing, viewerRsvp, recentResponders] = await Promise.all([
      answered?.session ?? loadSession(repos.sessions, tenantId, teamId, sessionId),
      teamRead(`${tenantId}\n${teamId}`, () => repos.teams.get(tenantId, teamId)),
      answered ? undefined : access.standing({ tenantId, userId: viewerId }, teamId),
      answered?.rsvp ?? (sessionId === '' ? undefined : repos.rsvps.get(tenantId, sessionId, viewerId)),
      answered?.recentResponders ?? (sessionId === '' ? [] : repos.rsvps.recentResponders(tenantId, sessionId)),
    ]);
    if (!session) return fail({ kind: 'notFound' });
    if (!team) return fail({ kind: 'teamUnknown' });
    if (standing !== undefined && !mayTakePart(standing, session)) return fail({ kind: 'notMember' });
    const questions = viewerId === session.hostId ? await repos.questions.listForSession(tenantId, sessionId) : undefined;
    const roles = [session.hostId, ...session.teacherIds, ...(session.discussionLeaderId ? [session.discussionLeaderId] : [])];
    return ok({
      session,
      team,
      people: await namesRead(`${tenantId}\n${roles.join('\n')}`, () => namesOf(repos, tenantId, roles)),
      recentResponders,
      ...(viewerRsvp ? { viewerRsvp } : {}),
      ...(questions ? { questions } : {}),
    });
  };
}
