import { loadPastSessions, loadTeamBoard } from '../sessions/board';
import type { PastSessionsPage, SessionCursor, TeamBoard } from '../sessions/board';
import type { Repositories } from '../shared/repositories';
import type { Rsvp } from '../sessions/session';
import type { PersonRef } from '../shared/person';
import { failWith, ok } from '../shared/result';
import type { Result, SessionFailure } from '../shared/result';
import { createTeamAccess, mayReadTeam } from './team-access';
import type { Standing } from './team-access';
import type { Locale } from '../shared/person';
import type { Channel, Membership, Team } from './team';
import type { TeamOwnerDirectory } from './team-owners';
import type { KnownNames } from './person-names';
import { isDemoTeam } from '../demo/demo-guard';
import { rosterKeeping } from './team-roster';
import { withSettings } from './team-settings';
import type { TeamSettings } from './team-settings';

interface TeamServiceDeps {
  readonly repositories: Pick<Repositories, 'tenants' | 'teams' | 'members' | 'sessions' | 'rsvps'>;
  /** Graph's owners of each team (see team-roster.ts); absent, the installer rule. */
  readonly owners?: TeamOwnerDirectory;
  /** Profile names in memory (the expert index): the board names its people without reading their profiles. */
  readonly names?: KnownNames;
  readonly now: () => Date;
}

export type TeamService = ReturnType<typeof createTeamService>;

const fail = failWith<SessionFailure>('session');

const nameOf = (m: Membership | undefined) => (m?.displayName ? { displayName: m.displayName } : {});

/** What Teams says about a team when the app is added to it. */
interface TeamInstall {
  readonly tenantId: string;
  readonly teamId: string;
  readonly name: string | undefined;
  readonly aadGroupId: string | undefined;
  /** The installer's language: the team's until it has one. */
  readonly locale: Locale;
  /**
   * Who added the app: an owner of the team in PeerLearn from this moment until the roster sync that
   * follows the install, which keeps them an owner only if Graph says so (or Graph cannot say).
   */
  readonly installerId: string | undefined;
}

/**
 * Teams as the tab and the bot see them: who is in which team (kept from the roster), its settings
 * and channels, and its board of sessions.
 */
export function createTeamService(deps: TeamServiceDeps) {
  const { repositories: repos } = deps;
  // What the board and the past sessions read; their names first from memory when there is an index.
  const boardSources = deps.names ? { ...repos, known: deps.names } : repos;
  const access = createTeamAccess(repos.teams);
  /** The team whose board is asked for, or why it cannot be shown: unknown, or the app was removed from it (its members are gone too). */
  const installedTeam = async (tenantId: string, teamId: string): Promise<Result<Team, SessionFailure>> => {
    const team = await repos.teams.get(tenantId, teamId);
    if (!team) return fail({ kind: 'teamUnknown' });
    return team.uninstalledAt ? fail({ kind: 'notInstalled' }) : ok(team);
  };
  return {
    ...rosterKeeping(deps),

    /** Keeps the team known from its install on, so the tab of a real team finds it. */
    async recordInstall(install: TeamInstall): Promise<void> {
      const { tenantId, teamId, name, aadGroupId, locale } = install;
      const now = deps.now().toISOString();
      if (!(await repos.tenants.get(tenantId))) await repos.tenants.upsert({ tenantId, name: '', createdAt: now });
      await repos.teams.update(tenantId, teamId, (existing) => ({
        // Keep what owners set (team-settings.ts) across a reinstall.
        ...(existing?.reminderMinutes ? { reminderMinutes: existing.reminderMinutes } : {}),
        ...(existing?.timeZone ? { timeZone: existing.timeZone } : {}),
        tenantId,
        teamId,
        // The demo team keeps its name: the Playground installs it as "My Team" (demo-guard.ts).
        name: (isDemoTeam(tenantId, teamId) ? existing?.name : undefined) ?? name ?? existing?.name ?? '',
        ...(aadGroupId ? { aadGroupId } : existing?.aadGroupId ? { aadGroupId: existing.aadGroupId } : {}),
        locale: existing?.locale ?? locale,
        channels: existing?.channels ?? [],
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      }));
      if (install.installerId) {
        // The row is written whole: keep the name a roster read gave it.
        const { installerId } = install;
        const current = (await repos.teams.listTeamsOf(tenantId, installerId)).find((m) => m.teamId === teamId);
        await repos.teams.addMembers([
          { tenantId, teamId, userId: installerId, role: 'owner', joinedAt: current?.joinedAt ?? now, ...nameOf(current) },
        ]);
      }
    },

    /**
     * The app was removed from the team (or the team deleted): its memberships go (both rows of each,
     * in batches of 100), and the team is marked uninstalled so the board says so. The team row itself
     * stays with its sessions and settings for a reinstall. Idempotent, so the two events Teams sends
     * for one removal, a retry or several instances do no harm. Answers how many memberships went.
     */
    async recordUninstall(tenantId: string, teamId: string): Promise<number> {
      const at = deps.now().toISOString();
      await repos.teams.update(tenantId, teamId, (team) =>
        team && !team.uninstalledAt ? { ...team, channels: [], uninstalledAt: at, updatedAt: at } : undefined,
      );
      // A reinstall while this runs (it clears the mark) keeps what its roster read writes.
      const reinstalled = async () => !(await repos.teams.get(tenantId, teamId))?.uninstalledAt;
      const known = await repos.teams.get(tenantId, teamId);
      return repos.teams.removeAllMembers(tenantId, teamId, known ? reinstalled : undefined);
    },

    /**
     * A known team's channels (and name, when given) as Teams now reports them. A team the bot never
     * saw installed (an event from before this version) is left alone: there is nothing to keep fresh.
     */
    async changeChannels(
      tenantId: string,
      teamId: string,
      change: (channels: readonly Channel[]) => Channel[],
      name?: string,
    ): Promise<void> {
      await repos.teams.update(tenantId, teamId, (team) =>
        team ? { ...team, name: name ?? team.name, channels: change(team.channels), updatedAt: deps.now().toISOString() } : undefined,
      );
    },

    get: (tenantId: string, teamId: string): Promise<Team | undefined> => repos.teams.get(tenantId, teamId),

    /** The team and where the person stands in it; undefined when the team is not in this tenant. */
    async withRole(viewer: PersonRef, teamId: string): Promise<{ readonly team: Team; readonly standing: Standing } | undefined> {
      const [team, standing] = await Promise.all([repos.teams.get(viewer.tenantId, teamId), access.standing(viewer, teamId)]);
      return team ? { team, standing } : undefined;
    },

    /** The person's memberships, each with its team as stored (absent when the row is gone). */
    async membershipsOf(tenantId: string, userId: string): Promise<{ readonly membership: Membership; readonly team: Team | undefined }[]> {
      const memberships = await repos.teams.listTeamsOf(tenantId, userId);
      const teams = await Promise.all(memberships.map((m) => repos.teams.get(m.tenantId, m.teamId)));
      return memberships.map((membership, i) => ({ membership, team: teams[i] }));
    },

    /** Applied to the row as it is now, so a channel rename that landed meanwhile is kept. */
    updateSettings: (tenantId: string, teamId: string, settings: TeamSettings): Promise<Team | undefined> =>
      repos.teams.update(tenantId, teamId, (current) => (current ? withSettings(current, settings, deps.now()) : undefined)),

    /** The team's upcoming sessions, for its members only. */
    async board(
      viewer: PersonRef,
      teamId: string,
      now: Date,
      page: { readonly limit?: number; readonly cursor?: SessionCursor },
    ): Promise<Result<TeamBoard, SessionFailure>> {
      const team = await installedTeam(viewer.tenantId, teamId);
      if (!team.ok) return team;
      if (!mayReadTeam(await access.standing(viewer, teamId))) return fail({ kind: 'notMember' });
      return ok(await loadTeamBoard(boardSources, team.value, now, page));
    },

    /** The team's past sessions, for its members only. */
    async pastSessions(
      viewer: PersonRef,
      teamId: string,
      now: Date,
      page: { readonly limit: number; readonly cursor?: SessionCursor },
    ): Promise<Result<PastSessionsPage, SessionFailure>> {
      const team = await installedTeam(viewer.tenantId, teamId);
      if (!team.ok) return team;
      if (!mayReadTeam(await access.standing(viewer, teamId))) return fail({ kind: 'notMember' });
      return ok(await loadPastSessions(boardSources, team.value, now, page));
    },

    /** Every answer of the person in the tenant, newest first. */
    answersOf: (tenantId: string, userId: string): Promise<Rsvp[]> => repos.rsvps.listForUser(tenantId, userId),
  };
}
