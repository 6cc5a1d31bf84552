import type { PersonRef } from '../shared/person';
import type { TeamRepository } from '../shared/repositories';
import type { LearningSession } from '../sessions/session';

/** Where a person stands in a team: what they may do there follows from this alone. */
export type Standing = 'owner' | 'member' | 'outsider';

/**
 * Who may do what with a team's sessions (issue: trust inside the tenant). One rule per action,
 * applied by the services, so the API, card verbs, task modules and the messaging extension agree.
 */
export const mayPlan = (standing: Standing): boolean => standing !== 'outsider';

/** The team's board (its team-only sessions, who goes, who teaches) is for its members. */
export const mayReadTeam = (standing: Standing): boolean => standing !== 'outsider';

/** Team-only sessions are for the team; a session open to the organisation is for anyone in the tenant. */
export const mayTakePart = (standing: Standing, session: Pick<LearningSession, 'openToOrganisation'>): boolean =>
  standing !== 'outsider' || session.openToOrganisation;

/** Edit or cancel: the host, or an owner of the team. */
export const mayChange = (standing: Standing, session: Pick<LearningSession, 'hostId'>, userId: string): boolean =>
  session.hostId === userId || standing === 'owner';

/** The team's settings and the messages PeerLearn could not post there: its owners manage them. */
export const mayManage = (standing: Standing): boolean => standing === 'owner';

export function createTeamAccess(teams: Pick<TeamRepository, 'membershipsIn' | 'listMembers'>) {
  return {
    /**
     * From the team's row of the person (one row's range of the team's partition); the server's
     * repositories remember it a few seconds and read the rows of people asking at the same moment
     * together (recent-memberships.ts).
     */
    async standing(person: PersonRef, teamId: string): Promise<Standing> {
      const [membership] = await teams.membershipsIn(person.tenantId, teamId, [person.userId]);
      if (!membership) return 'outsider';
      return membership.role === 'owner' ? 'owner' : 'member';
    },

    /** The ids among `userIds` that are not members of the team. */
    async outsiders(tenantId: string, teamId: string, userIds: readonly string[]): Promise<string[]> {
      if (userIds.length === 0) return [];
      const members = new Set((await teams.listMembers(tenantId, teamId)).map((m) => m.userId));
      return userIds.filter((id) => !members.has(id));
    },
  };
}
