import type { MemberProfile } from './member';
import type { Repositories } from './repositories';
import { compareForBoard } from './session';
import type { LearningSession } from './session';
import type { Team } from './team';

export interface TeamBoard {
  readonly team: Team;
  readonly sessions: readonly LearningSession[];
  /** Everyone a session names (host, teachers, discussion leader), by user id. */
  readonly people: ReadonlyMap<string, MemberProfile>;
}

/** The team's sessions, upcoming first, with the people they name. Undefined when the team is not in this tenant. */
export async function loadTeamBoard(
  repos: Pick<Repositories, 'teams' | 'sessions' | 'members'>,
  tenantId: string,
  teamId: string,
  now: Date,
): Promise<TeamBoard | undefined> {
  const [team, sessions] = await Promise.all([
    repos.teams.get(tenantId, teamId),
    repos.sessions.listForTeam(tenantId, teamId),
  ]);
  if (!team) return undefined;
  const ids = new Set<string>();
  for (const s of sessions) {
    ids.add(s.hostId);
    s.teacherIds.forEach((id) => ids.add(id));
    if (s.discussionLeaderId) ids.add(s.discussionLeaderId);
  }
  const profiles = await Promise.all([...ids].map((id) => repos.members.get(tenantId, id)));
  const people = new Map<string, MemberProfile>();
  for (const p of profiles) if (p) people.set(p.userId, p);
  return { team, sessions: [...sessions].sort(compareForBoard(now)), people };
}
