import type { BuddyService } from '../../domain/buddies/buddy-service-contract';
import type { PersonRef } from '../../domain/shared/person';
import { DEFAULT_TIME_ZONE } from '../../domain/shared/zoned-time';
import type { TeamService } from '../../domain/teams/team-service';

/** A team a person may take part in the learning buddies of: one with PeerLearn installed. */
export interface BuddyTeam {
  readonly teamId: string;
  readonly name: string;
  readonly timeZone: string;
}

/** What the buddy commands and verbs call: the buddy service, and the person's teams to choose from. */
export interface BuddyFeatureServices {
  readonly buddies: BuddyService;
  readonly teams: Pick<TeamService, 'membershipsOf'>;
}

/** The person's teams where PeerLearn is installed, by name (the personal chat's choice). */
export async function buddyTeamsOf(teams: BuddyFeatureServices['teams'], person: PersonRef): Promise<BuddyTeam[]> {
  const rows = await teams.membershipsOf(person.tenantId, person.userId);
  return rows
    .flatMap(({ team }) =>
      team && !team.uninstalledAt ? [{ teamId: team.teamId, name: team.name, timeZone: team.timeZone ?? DEFAULT_TIME_ZONE }] : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One team of the person by id; a team they are not in (or unknown) comes back as a bare id, and the service refuses it. */
export async function buddyTeam(teams: BuddyFeatureServices['teams'], person: PersonRef, teamId: string): Promise<BuddyTeam> {
  return (await buddyTeamsOf(teams, person)).find((t) => t.teamId === teamId) ?? { teamId, name: '', timeZone: DEFAULT_TIME_ZONE };
}
