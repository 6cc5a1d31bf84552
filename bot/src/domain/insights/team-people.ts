import type { MemberProfile } from '../experts/member';
import type { ProfileChangeFeed } from '../experts/expert-ports';
import type { MemberRepository, TeamRepository } from '../shared/repositories';
import type { Team } from '../teams/team';
import type { TeamPerson } from './skills-matrix';

interface TeamPeopleDeps {
  readonly teams: Pick<TeamRepository, 'listMembers'>;
  readonly members: Pick<MemberRepository, 'getMany'>;
  /** Every profile write anywhere is announced here (expert search keeps its index by it too). */
  readonly changes: Pick<ProfileChangeFeed, 'since'>;
  /** The feed writers' clock (wall time, not a service's test clock): the cursor is a time in the feed. */
  readonly clock?: () => number;
}

interface TeamPeopleOptions {
  /** Each read re-reads this much of the feed, so a writer whose clock runs behind is not missed (as expert search does). */
  readonly overlapMs?: number;
  /** A team's profiles are read again in full after this long: well inside the feed's retention (60 min). */
  readonly maxAgeMs?: number;
  /** Teams held at once (the least recently filled is dropped). */
  readonly maxTeams?: number;
}

interface TeamState {
  /** Every member read so far: their profile, or null when they have none. */
  readonly profiles: Map<string, MemberProfile | null>;
  /** Feed rows already applied, by id, with their time (forgotten once behind the cursor). */
  readonly seen: Map<string, number>;
  cursorMs: number;
  readonly loadedAtMs: number;
}

interface TeamPeople {
  /** The team's members with their profiles, as a read of every profile now would give them. */
  people(team: Team): Promise<TeamPerson[]>;
}

/**
 * The skills matrix's people without a profile read per member on every report. The profiles are
 * in the tenant's partition (100,000 rows in a large organisation, so no partition query for one
 * team); instead each team's profiles are held here, and every report reads the tenant's profile
 * change feed since the last one and re-reads only the members it names (and new members). The
 * roster itself is read every time. Nothing here is the truth: a process that starts, a team not
 * seen for `maxAgeMs`, or an erasure in the feed reads every profile again.
 */
export function createTeamPeople(deps: TeamPeopleDeps, options: TeamPeopleOptions = {}): TeamPeople {
  const overlapMs = options.overlapMs ?? 15_000;
  const maxAgeMs = options.maxAgeMs ?? 30 * 60_000;
  const maxTeams = options.maxTeams ?? 100;
  const clock = deps.clock ?? Date.now;
  const states = new Map<string, TeamState>();
  // One sync per team at a time: two reports at once must not put an older profile over a newer one.
  const queues = new Map<string, Promise<unknown>>();

  async function read(tenantId: string, userIds: readonly string[], into: Map<string, MemberProfile | null>): Promise<void> {
    if (userIds.length === 0) return;
    const found = new Map((await deps.members.getMany(tenantId, userIds)).map((p) => [p.userId, p] as const));
    for (const userId of userIds) into.set(userId, found.get(userId) ?? null);
  }

  async function load(tenantId: string, memberIds: readonly string[], startedMs: number): Promise<TeamState> {
    const cursorMs = startedMs - overlapMs;
    // Changes already in the feed are in the profiles read after them: marked seen, not read twice.
    const seen = new Map((await deps.changes.since(tenantId, cursorMs)).map((c): [string, number] => [c.id, c.at]));
    const profiles = new Map<string, MemberProfile | null>();
    await read(tenantId, memberIds, profiles);
    return { profiles, seen, cursorMs, loadedAtMs: startedMs };
  }

  /** Applies the feed since the cursor; false when the state cannot be brought up to date (an erasure). */
  async function catchUp(tenantId: string, state: TeamState, memberIds: readonly string[], startedMs: number): Promise<boolean> {
    const changed = new Set<string>();
    for (const change of await deps.changes.since(tenantId, state.cursorMs)) {
      if (state.seen.has(change.id)) continue;
      // An erasure names the person only by a hash: reading everyone again is simpler than matching it.
      if (change.erased && change.erased.length > 0) return false;
      state.seen.set(change.id, change.at);
      for (const userId of change.userIds) changed.add(userId);
    }
    const members = new Set(memberIds);
    for (const userId of state.profiles.keys()) if (!members.has(userId)) state.profiles.delete(userId);
    const stale = memberIds.filter((userId) => changed.has(userId) || !state.profiles.has(userId));
    await read(tenantId, stale, state.profiles);
    state.cursorMs = Math.max(state.cursorMs, startedMs - overlapMs);
    for (const [id, at] of state.seen) if (at < state.cursorMs) state.seen.delete(id);
    return true;
  }

  async function sync(team: Team): Promise<TeamPerson[]> {
    const key = `${team.tenantId}|${team.teamId}`;
    const startedMs = clock();
    const roster = await deps.teams.listMembers(team.tenantId, team.teamId);
    const memberIds = roster.map((m) => m.userId);
    let state = states.get(key);
    const fresh = state !== undefined && startedMs - state.loadedAtMs < maxAgeMs;
    if (!state || !fresh || !(await catchUp(team.tenantId, state, memberIds, startedMs))) {
      state = await load(team.tenantId, memberIds, startedMs);
      states.delete(key);
      if (states.size >= maxTeams) states.delete(states.keys().next().value ?? '');
      states.set(key, state);
    }
    const { profiles } = state;
    return roster.map((m) => {
      const profile = profiles.get(m.userId) ?? undefined;
      return { userId: m.userId, displayName: profile?.displayName || m.displayName || '', ...(profile ? { profile } : {}) };
    });
  }

  return {
    people(team) {
      const key = `${team.tenantId}|${team.teamId}`;
      const run = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => sync(team));
      queues.set(key, run);
      const done = () => {
        if (queues.get(key) === run) queues.delete(key);
      };
      run.then(done, done);
      return run;
    },
  };
}
