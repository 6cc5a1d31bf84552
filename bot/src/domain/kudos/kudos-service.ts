import { KUDOS_MESSAGE_MAX_LENGTH } from './kudos-limits';
import type { Kudos } from './kudos';
import type { PersonRef } from '../shared/person';
import type { Outbox } from '../delivery/outbox';
import { failWith, ok } from '../shared/result';
import type { KudosFailure, Result, SessionFailure } from '../shared/result';
import type { Repositories } from '../shared/repositories';
import { createTeamAccess, mayReadTeam } from '../teams/team-access';
import { namesOf } from '../teams/person-names';
import type { NamedPerson } from '../teams/person-names';
import { validateKudosInput } from './kudos-input';
import type { KudosInput } from './kudos-input';

interface KudosServiceDeps {
  readonly repositories: Pick<Repositories, 'kudos' | 'teams' | 'members' | 'sessions'>;
  readonly outbox: Outbox;
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
const refuse = failWith<KudosFailure>('kudos');

/** A thank-you just given, with the names of its two people (absent when nothing names them). */
interface GivenKudos {
  readonly kudos: Kudos;
  readonly names: ReadonlyMap<string, string>;
}

/** Whom the tab's form may thank: the team's members but the giver, by name. */
interface KudosChoices {
  readonly people: readonly NamedPerson[];
}

export type KudosService = ReturnType<typeof createKudosService>;

/** Kudos (F6): a thank-you given from a chat or a session card, and the team's wall of them. */
export function createKudosService(deps: KudosServiceDeps) {
  const { repositories: repos } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const access = createTeamAccess(repos.teams);
  // The receiver may have reached a milestone (their tenth thanks): counted and claimed in a job, posted through the outbox.
  const celebrateLater = (kudos: Kudos) =>
    deps.outbox.enqueue({ kind: 'celebrateMilestones', tenantId: kudos.tenantId, teamId: kudos.teamId, kudosId: kudos.kudosId });
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
      await celebrateLater(kudos);
      return ok(kudos);
    },

    /**
     * A thank-you from the tab's form (issue #12): for the team's members, to another member, every
     * bad field named at once; its card goes into the team's channel through the outbox, like the bot's.
     */
    async giveInTeam(actor: PersonRef, teamId: string, input: KudosInput): Promise<Result<GivenKudos, KudosFailure>> {
      const team = await repos.teams.get(actor.tenantId, teamId);
      if (!team) return refuse({ kind: 'teamUnknown' });
      if (team.uninstalledAt) return refuse({ kind: 'notInstalled' });
      if (!mayReadTeam(await access.standing(actor, teamId))) return refuse({ kind: 'notMember' });
      const members = await repos.teams.listMembers(actor.tenantId, teamId);
      const checked = validateKudosInput(input, {
        giverId: actor.userId,
        memberIds: new Set(members.map((m) => m.userId)),
        channels: team.channels,
        teamId,
      });
      if (!checked.ok) return refuse({ kind: 'invalid', problems: checked.problems });
      const { draft } = checked;
      const kudos: Kudos = {
        tenantId: actor.tenantId,
        teamId,
        kudosId: newId(),
        fromUserId: actor.userId,
        toUserId: draft.toUserId,
        message: draft.message,
        ...(draft.channelId ? { channelId: draft.channelId } : {}),
        ...(draft.skill ? { skill: draft.skill } : {}),
        createdAt: deps.now().toISOString(),
      };
      await repos.kudos.add(kudos);
      await celebrateLater(kudos);
      if (kudos.channelId) await deps.outbox.enqueue({ kind: 'postKudos', tenantId: actor.tenantId, teamId, kudosId: kudos.kudosId });
      const names = await namesOf(repos, actor.tenantId, [actor.userId, kudos.toUserId], teamId);
      return ok({ kudos, names: new Map([...names.values()].map((p) => [p.userId, p.displayName] as const)) });
    },

    /** The form's person picker: the team's members but the viewer, by name (for the team's members only). */
    async choices(viewer: PersonRef, teamId: string): Promise<Result<KudosChoices, KudosFailure>> {
      const team = await repos.teams.get(viewer.tenantId, teamId);
      if (!team) return refuse({ kind: 'teamUnknown' });
      if (!mayReadTeam(await access.standing(viewer, teamId))) return refuse({ kind: 'notMember' });
      const others = (await repos.teams.listMembers(viewer.tenantId, teamId)).filter((m) => m.userId !== viewer.userId);
      const names = await namesOf(
        repos,
        viewer.tenantId,
        others.map((m) => m.userId),
        teamId,
      );
      const people = [...names.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
      return ok({ people });
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
