import { loadPastSessions, loadTeamBoard } from '../sessions/board';
import type { PastSessionsPage, SessionCursor, TeamBoard } from '../sessions/board';
import type { Repositories } from '../shared/repositories';
import type { Rsvp } from '../sessions/session';
import type { Membership, Team } from './team';
import { withSettings } from './team-settings';
import type { TeamSettings } from './team-settings';

interface TeamServiceDeps {
  readonly repositories: Pick<Repositories, 'teams' | 'members' | 'sessions' | 'rsvps'>;
  readonly now: () => Date;
}

export type TeamService = ReturnType<typeof createTeamService>;

/** Teams as the tab sees them: who is in which team, its settings, and its board of sessions. */
export function createTeamService(deps: TeamServiceDeps) {
  const { repositories: repos } = deps;
  return {
    get: (tenantId: string, teamId: string): Promise<Team | undefined> => repos.teams.get(tenantId, teamId),

    /** The team and whether the person owns it; undefined when the team is not in this tenant. */
    async withRole(
      tenantId: string,
      teamId: string,
      userId: string,
    ): Promise<{ readonly team: Team; readonly owner: boolean } | undefined> {
      const [team, members] = await Promise.all([repos.teams.get(tenantId, teamId), repos.teams.listMembers(tenantId, teamId)]);
      return team ? { team, owner: members.some((m) => m.userId === userId && m.role === 'owner') } : undefined;
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

    board: (
      tenantId: string,
      teamId: string,
      now: Date,
      page: { readonly limit?: number; readonly cursor?: SessionCursor },
    ): Promise<TeamBoard | undefined> => loadTeamBoard(repos, tenantId, teamId, now, page),

    pastSessions: (
      tenantId: string,
      teamId: string,
      now: Date,
      page: { readonly limit: number; readonly cursor?: SessionCursor },
    ): Promise<PastSessionsPage | undefined> => loadPastSessions(repos, tenantId, teamId, now, page),

    /** Every answer of the person in the tenant, newest first. */
    answersOf: (tenantId: string, userId: string): Promise<Rsvp[]> => repos.rsvps.listForUser(tenantId, userId),
  };
}
