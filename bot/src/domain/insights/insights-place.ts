import type { PersonRef } from '../shared/person';
import type { TeamRepository } from '../shared/repositories';
import { failWith, ok } from '../shared/result';
import type { InsightsFailure, Result } from '../shared/result';
import type { Team } from '../teams/team';
import { createTeamAccess } from '../teams/team-access';
import type { Standing } from '../teams/team-access';

export const failInsights = failWith<InsightsFailure>('insights');

/** The team, installed, and where the actor stands in it: outsiders are refused (notMember). */
export function createInsightsPlace(teams: Pick<TeamRepository, 'get' | 'listTeamsOf' | 'membershipsIn' | 'listMembers'>) {
  const access = createTeamAccess(teams);
  return async (actor: PersonRef, teamId: string): Promise<Result<{ team: Team; standing: Standing }, InsightsFailure>> => {
    const team = await teams.get(actor.tenantId, teamId);
    if (!team) return failInsights({ kind: 'teamUnknown' });
    if (team.uninstalledAt) return failInsights({ kind: 'notInstalled' });
    const standing = await access.standing(actor, teamId);
    if (standing === 'outsider') return failInsights({ kind: 'notMember' });
    return ok({ team, standing });
  };
}
