import { forEachLimited } from '../shared/each-limited';
import type { MemberRepository, TeamRepository } from '../shared/repositories';

/** Who someone is as a card or a list shows them: an id and a name (empty when nothing names them). */
export interface NamedPerson {
  readonly userId: string;
  readonly displayName: string;
}

/** Profile names held in memory (the warm expert index): what it has needs no read. */
export interface KnownNames {
  profileNames(tenantId: string, userIds: Iterable<string>): ReadonlyMap<string, string>;
}

export interface NameSources {
  readonly members: Pick<MemberRepository, 'getMany'>;
  readonly teams: Pick<TeamRepository, 'listTeamsOf' | 'listMembers'>;
  /** Asked first; the profiles of whom it does not name are read. */
  readonly known?: KnownNames;
}

// Membership partitions read side by side for people without a profile.
const MEMBERSHIP_READS_IN_FLIGHT = 8;
// From this many people without a profile, the team's one membership partition costs fewer round trips than a read per person.
const TEAM_READ_FROM = 2;

/**
 * The names of these people: from their profile when they used the app (their own latest name), else
 * from a team membership the roster wrote. A roster read stores only ids and names in memberships
 * (issue #15), so someone who never used the app has no profile and is named by their membership.
 * People neither source knows are left out (the caller shows its "someone" text).
 *
 * With `known` (the warm expert index), the profile names it holds are not read again (a board names
 * up to 48 people: 48 point reads, most of its storage requests).
 *
 * With `teamId` (a board, a team's wall), the people without a profile are looked up in that team's
 * membership partition, read once; only who is not in it (someone who left) costs a read of their own.
 */
export async function namesOf(
  sources: NameSources,
  tenantId: string,
  ids: Iterable<string>,
  teamId?: string,
): Promise<Map<string, NamedPerson>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, NamedPerson>();
  for (const [userId, displayName] of sources.known?.profileNames(tenantId, unique) ?? []) names.set(userId, { userId, displayName });
  const unread = unique.filter((id) => !names.has(id));
  for (const p of unread.length > 0 ? await sources.members.getMany(tenantId, unread) : []) {
    if (p.displayName !== '') names.set(p.userId, { userId: p.userId, displayName: p.displayName });
  }
  let missing = unique.filter((id) => !names.has(id));
  if (teamId !== undefined && missing.length >= TEAM_READ_FROM) {
    const wanted = new Set(missing);
    for (const m of await sources.teams.listMembers(tenantId, teamId)) {
      if (wanted.has(m.userId) && m.displayName) names.set(m.userId, { userId: m.userId, displayName: m.displayName });
    }
    missing = missing.filter((id) => !names.has(id));
  }
  await forEachLimited(missing, MEMBERSHIP_READS_IN_FLIGHT, async (userId) => {
    // A person's memberships are one small partition; any team's roster name will do.
    const named = (await sources.teams.listTeamsOf(tenantId, userId)).find((m) => m.displayName);
    if (named?.displayName) names.set(userId, { userId, displayName: named.displayName });
  });
  return names;
}

/** One person's name, as `namesOf` finds it. */
export async function nameOf(sources: NameSources, tenantId: string, userId: string): Promise<string | undefined> {
  return (await namesOf(sources, tenantId, [userId])).get(userId)?.displayName;
}
