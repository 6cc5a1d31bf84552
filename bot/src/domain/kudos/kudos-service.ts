import { KUDOS_MESSAGE_MAX_LENGTH } from './kudos';
import type { Kudos } from './kudos';
import type { PersonRef } from '../shared/person';
import { failWith, ok } from '../shared/result';
import type { Result, SessionFailure } from '../shared/result';
import type { Repositories } from '../shared/repositories';
import { createTeamAccess, mayReadTeam } from '../teams/team-access';
import { namesOf } from '../teams/person-names';

interface KudosServiceDeps {
  readonly repositories: Pick<Repositories, 'kudos' | 'teams' | 'members' | 'sessions'>;
  readonly now: () => Date;
  readonly newId?: () => string;
}

/** The newest thanks of a team, with the names and session titles that still exist. */
interface KudosWall {
  readonly kudos: readonly Kudos[];
  readonly names: ReadonlyMap<string, string>;
  readonly titles: ReadonlyMap<string, string>;
}

// Kudos texts live with the session texts (the bot's "thanks @Ann" and the session card's button).
const fail = failWith<SessionFailure>('session');

export type KudosService = ReturnType<typeof createKudosService>;

/** Kudos (F6): a thank-you given from a chat or a session card, and the team's wall of them. */
export function createKudosService(deps: KudosServiceDeps) {
  const { repositories: repos } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const access = createTeamAccess(repos.teams);
  return {
    /** Stores a thank-you; posting it is the caller's choice (a channel job or the current chat). */
    async give(
      actor: PersonRef,
      teamId: string,
      toUserId: string | undefined,
      message: string,
      where: { readonly channelId?: string; readonly sessionId?: string } = {},
    ): Promise<Result<Kudos, SessionFailure>> {
      if (!toUserId) return fail({ kind: 'badInput', code: 'kudosNobody' });
      if (toUserId === actor.userId) return fail({ kind: 'badInput', code: 'kudosSelf' });
      const text = message.trim();
      if (text.length > KUDOS_MESSAGE_MAX_LENGTH) return fail({ kind: 'badInput', code: 'kudosTooLong' });
      const kudos: Kudos = {
        tenantId: actor.tenantId,
        teamId,
        kudosId: newId(),
        fromUserId: actor.userId,
        toUserId,
        message: text,
        ...(where.channelId ? { channelId: where.channelId } : {}),
        ...(where.sessionId ? { sessionId: where.sessionId } : {}),
        createdAt: deps.now().toISOString(),
      };
      await repos.kudos.add(kudos);
      return ok(kudos);
    },

    /**
     * Newest first, at most `limit`. Never totals: a wall, not a ranking. For the team's members only:
     * it names who thanked whom and the titles of team-only sessions.
     */
    async wall(viewer: PersonRef, teamId: string, limit: number): Promise<Result<KudosWall, SessionFailure>> {
      const { tenantId } = viewer;
      const [team, all] = await Promise.all([repos.teams.get(tenantId, teamId), repos.kudos.listForTeam(tenantId, teamId)]);
      if (!team) return fail({ kind: 'teamUnknown' });
      if (!mayReadTeam(await access.standing(viewer, teamId))) return fail({ kind: 'notMember' });
      const kudos = [...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
      const userIds = [...new Set(kudos.flatMap((k) => [k.fromUserId, k.toUserId]))];
      const sessionIds = [...new Set(kudos.flatMap((k) => (k.sessionId ? [k.sessionId] : [])))];
      const [people, sessions] = await Promise.all([
        namesOf(repos, tenantId, userIds, teamId),
        Promise.all(sessionIds.map((id) => repos.sessions.get(tenantId, teamId, id))),
      ]);
      return ok({
        kudos,
        names: new Map([...people.values()].map((p) => [p.userId, p.displayName] as const)),
        titles: new Map(sessions.flatMap((s) => (s ? [[s.sessionId, s.title] as const] : []))),
      });
    },
  };
}
