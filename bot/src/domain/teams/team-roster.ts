import { peopleKeptOnRosterRead } from '../demo/demo-guard';
import { groupCommit } from '../shared/group-commit';
import type { Repositories } from '../shared/repositories';
import type { Membership } from './team';
import type { OwnerRule, TeamOwnerDirectory } from './team-owners';

/** Someone on a Teams team roster, as the bot saw them. */
export interface RosterEntry {
  readonly userId: string;
  readonly displayName: string;
}

interface RosterChange {
  /** Memberships to write (new people, and everyone whose stored row should change). */
  readonly upsert: readonly Membership[];
  /** Stored members no longer on the roster. */
  readonly remove: readonly string[];
}

/** The roster's name for a person, unless the roster gave none (then the stored one stays). */
const nameFrom = (entry: RosterEntry | undefined, current: Membership | undefined): string | undefined =>
  entry?.displayName || current?.displayName || undefined;

/**
 * What a full roster read changes. Memberships carry the roster's display names, the only thing
 * PeerLearn keeps of a member who never used the app (issue #15): no profile is written for them. The bot's roster does not say who owns a team: Graph's owners do
 * (they gain and lose `owner` as Graph says). Without Graph's answer the owners are the person who
 * installed the app and the owners PeerLearn already knew; everyone else on the roster is a member.
 */
export function planRosterSync(
  tenantId: string,
  teamId: string,
  stored: readonly Membership[],
  roster: readonly RosterEntry[],
  owners: OwnerRule,
  now: Date,
  /** People this roster read never removes (the demo people of the demo team, demo-guard.ts). */
  kept: ReadonlySet<string> = new Set(),
): RosterChange {
  const known = new Map(stored.map((m) => [m.userId, m]));
  const onRoster = new Map(roster.map((r) => [r.userId, r]));
  const upsert: Membership[] = [];
  for (const [userId, entry] of onRoster) {
    const current = known.get(userId);
    const owns =
      owners.from === 'graph' ? owners.ownerIds.has(userId.toLowerCase()) : userId === owners.installerId || current?.role === 'owner';
    const role = owns ? 'owner' : 'member';
    const displayName = nameFrom(entry, current);
    if (current && current.role === role && current.displayName === displayName) continue;
    upsert.push({
      tenantId,
      teamId,
      userId,
      role,
      joinedAt: current?.joinedAt ?? now.toISOString(),
      ...(displayName ? { displayName } : {}),
    });
  }
  const remove = stored.filter((m) => !onRoster.has(m.userId) && !kept.has(m.userId)).map((m) => m.userId);
  return { upsert, remove };
}

interface RosterKeepingDeps {
  readonly repositories: Pick<Repositories, 'teams'>;
  /** Graph's owners of a team; absent, every sync uses the installer rule. */
  readonly owners?: TeamOwnerDirectory;
  readonly now: () => Date;
}

// Memberships confirmed by a team conversation, remembered per instance (then forgotten all at once).
const VOUCHED_REMEMBERED = 50_000;
// One transaction of a team's membership rows holds at most 100.
const VOUCHED_PER_WRITE = 100;

/**
 * Keeps PeerLearn's copy of a team's members current: the whole roster when the app is added to a
 * team, then one person at a time as people join or leave. Every write is idempotent, so a sync that
 * stopped half-way is repaired by the next one.
 */
export function rosterKeeping(deps: RosterKeepingDeps) {
  const { repositories: repos, now } = deps;
  const vouched = new Set<string>();
  // Members vouched for at the same moment (a burst of answers to one invite) are written together.
  const addVouched = groupCommit<Membership>((memberships) => repos.teams.addMembers(memberships), VOUCHED_PER_WRITE);

  /** Graph's owners when the team's group is known and Graph answers, else the installer rule. */
  const ownerRule = async (tenantId: string, teamId: string, installerId: string | undefined): Promise<OwnerRule> => {
    const aadGroupId = deps.owners ? (await repos.teams.get(tenantId, teamId))?.aadGroupId : undefined;
    const ownerIds = aadGroupId ? await deps.owners?.owners(tenantId, aadGroupId) : undefined;
    return ownerIds ? { from: 'graph', ownerIds } : { from: 'installer', installerId };
  };

  return {
    /**
     * The whole roster as `readRoster` gives it: memberships (ids, roles, names) as `planRosterSync`
     * says, and nothing else: a profile is made only when the person uses the app themself, owners as Graph says (else the installer rule). Answers how many people
     * were read, memberships written and removed, and where the owners came from.
     */
    async syncRoster(
      tenantId: string,
      teamId: string,
      readRoster: () => Promise<readonly RosterEntry[]>,
      installerId: string | undefined,
    ): Promise<{ readonly read: number; readonly written: number; readonly removed: number; readonly owners: OwnerRule['from'] }> {
      const [roster, stored, owners] = await Promise.all([
        readRoster(),
        repos.teams.listMembers(tenantId, teamId),
        ownerRule(tenantId, teamId, installerId),
      ]);
      const change = planRosterSync(tenantId, teamId, stored, roster, owners, now(), peopleKeptOnRosterRead(tenantId, teamId));
      if (change.upsert.length > 0) await repos.teams.addMembers(change.upsert);
      if (change.remove.length > 0) await repos.teams.removeMembers(tenantId, teamId, change.remove);
      return { read: roster.length, written: change.upsert.length, removed: change.remove.length, owners: owners.from };
    },

    /** People who joined: a membership with their roster name for each new one, a new name for the others (roles stay). No profiles. */
    async membersJoined(tenantId: string, teamId: string, people: readonly RosterEntry[]): Promise<void> {
      const stored = new Map((await repos.teams.listMembers(tenantId, teamId)).map((m) => [m.userId, m]));
      const at = now().toISOString();
      const write: Membership[] = [];
      for (const p of people) {
        const current = stored.get(p.userId);
        const displayName = nameFrom(p, current);
        if (current && current.displayName === displayName) continue;
        write.push({
          tenantId,
          teamId,
          userId: p.userId,
          role: current?.role ?? 'member',
          joinedAt: current?.joinedAt ?? at,
          ...(displayName ? { displayName } : {}),
        });
      }
      if (write.length > 0) await repos.teams.addMembers(write);
    },

    /**
     * Someone acted in the team's own conversation: Teams delivers those activities only from the
     * team's members, so a membership the roster has not brought in yet is added now. Remembered per
     * instance, so a person's next action costs nothing.
     */
    async vouchedMember(tenantId: string, teamId: string, userId: string): Promise<void> {
      const key = `${tenantId}|${teamId}|${userId}`;
      if (vouched.has(key)) return;
      const known = (await repos.teams.membershipsIn(tenantId, teamId, [userId])).length > 0;
      if (!known) await addVouched({ tenantId, teamId, userId, role: 'member', joinedAt: now().toISOString() });
      if (vouched.size >= VOUCHED_REMEMBERED) vouched.clear();
      vouched.add(key);
    },

    /** People who left the team (by Entra object id). */
    membersLeft: (tenantId: string, teamId: string, userIds: readonly string[]): Promise<void> => {
      for (const userId of userIds) vouched.delete(`${tenantId}|${teamId}|${userId}`);
      return repos.teams.removeMembers(tenantId, teamId, userIds);
    },
  };
}
