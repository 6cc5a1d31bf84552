import type { Repositories, TeamRepository } from '../shared/repositories';
import type { Membership } from './team';

interface RecentMembershipsOptions {
  readonly now: () => number;
  /** How long a person's memberships read here are trusted without a new read. */
  readonly ttlMs: number;
}

// A membership list is a few rows per person; past this many people the cache starts over.
const PEOPLE_REMEMBERED = 20_000;

interface Entry {
  readonly memberships: readonly Membership[];
  readonly readAt: number;
}

/** One person's row in one team (undefined: not a member), as read or written here. */
interface TeamRowEntry {
  readonly membership: Membership | undefined;
  readonly readAt: number;
}

// The team rows of at most this many people are read in one go (getRows splits it, 12 to a query).
const TEAM_ROWS_PER_READ = 100;

interface TeamRowAsk {
  readonly userId: string;
  readonly resolve: (membership: Membership | undefined) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A person's team memberships (their own partition), remembered for a few seconds per instance. An
 * RSVP read them twice (the bot's "vouched member" and the access check), and a burst of answers
 * once per answer each (docs/BENCHMARKS.md, RSVP burst). Every membership write through this
 * instance changes what it remembers at once: an added membership is added, a removed person is
 * forgotten, so a removal here is refused on the very next request. A removal that another instance
 * handled is seen here within `ttlMs` at the latest.
 *
 * A read that was on the wire while a write happened is not remembered (its answer may predate the
 * write), and no later caller joins it.
 *
 * `membershipsIn` (the access check, and the bot's "vouched member") answers from a remembered list of
 * the person's teams, else from the person's remembered row of that team, else reads it: the team rows
 * asked for while a read of that team is on the wire go together in the next read (a burst of 200
 * first-time answers costs 15 reads, not 200). Writes through this instance set the row at once.
 */
export function withRecentMemberships(repositories: Repositories, options: RecentMembershipsOptions): Repositories {
  const inner = repositories.teams;
  const remembered = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Membership[]>>();
  // Bumped by every write of a person's memberships (per person), and by a whole team's removal (all).
  const writes = new Map<string, number>();
  let everything = 0;
  const keyOf = (tenantId: string, userId: string) => `${tenantId}\n${userId}`;
  const teamRowOf = (tenantId: string, teamId: string, userId: string) => `${tenantId}\n${teamId}\n${userId}`;
  /** Where a person's writes stand as a read or write leaves; `unchanged` holds while none of theirs (nor a forget-all) came since. */
  const markOf = (key: string) => ({ key, person: writes.get(key) ?? 0, all: everything });
  const unchanged = (mark: ReturnType<typeof markOf>) => (writes.get(mark.key) ?? 0) === mark.person && everything === mark.all;
  const teamRows = new Map<string, TeamRowEntry>();
  const teamRowAsks = new Map<string, { tenantId: string; teamId: string; asks: TeamRowAsk[] }>();
  const fresh = (readAt: number) => options.now() - readAt < options.ttlMs;
  const forgetAllWhenFull = () => {
    if (remembered.size + teamRows.size < PEOPLE_REMEMBERED) return;
    remembered.clear();
    teamRows.clear();
    writes.clear();
    everything += 1;
  };

  /** Reads the asked rows of one team, the asks that arrive meanwhile in the next read, until none wait. */
  async function readTeamRows(teamKey: string): Promise<void> {
    // Let the asks of the same moment queue up first, so they share the first read.
    await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      const waiting = teamRowAsks.get(teamKey);
      if (!waiting || waiting.asks.length === 0) {
        teamRowAsks.delete(teamKey);
        return;
      }
      const { tenantId, teamId } = waiting;
      const batch = waiting.asks.splice(0, TEAM_ROWS_PER_READ);
      const userIds = [...new Set(batch.map((a) => a.userId))];
      const marks = new Map(userIds.map((u) => [u, markOf(keyOf(tenantId, u))]));
      const readAt = options.now();
      try {
        const found = new Map((await inner.membershipsIn(tenantId, teamId, userIds)).map((m) => [m.userId, m]));
        for (const userId of userIds) {
          const mark = marks.get(userId);
          if (!mark || !unchanged(mark)) continue;
          forgetAllWhenFull();
          teamRows.set(teamRowOf(tenantId, teamId, userId), { membership: found.get(userId), readAt });
        }
        for (const ask of batch) ask.resolve(found.get(ask.userId));
      } catch (error) {
        for (const ask of batch) ask.reject(error);
      }
    }
  }

  function teamRow(tenantId: string, teamId: string, userId: string): Membership | undefined | Promise<Membership | undefined> {
    const person = remembered.get(keyOf(tenantId, userId));
    if (person && fresh(person.readAt)) return person.memberships.find((m) => m.teamId === teamId);
    const row = teamRows.get(teamRowOf(tenantId, teamId, userId));
    if (row && fresh(row.readAt)) return row.membership;
    const teamKey = `${tenantId}\n${teamId}`;
    return new Promise((resolve, reject) => {
      const waiting = teamRowAsks.get(teamKey);
      if (waiting) {
        waiting.asks.push({ userId, resolve, reject });
        return;
      }
      teamRowAsks.set(teamKey, { tenantId, teamId, asks: [{ userId, resolve, reject }] });
      void readTeamRows(teamKey);
    });
  }
  const changed = (key: string) => {
    writes.set(key, (writes.get(key) ?? 0) + 1);
    inFlight.delete(key);
  };
  const forgetTeamRow = (tenantId: string, teamId: string, userId: string) => teamRows.delete(teamRowOf(tenantId, teamId, userId));

  const teams: TeamRepository = {
    get: (tenantId, teamId) => inner.get(tenantId, teamId),
    upsert: (team) => inner.upsert(team),
    update: (tenantId, teamId, change) => inner.update(tenantId, teamId, change),
    listForTenant: (tenantId) => inner.listForTenant(tenantId),
    listMembers: (tenantId, teamId) => inner.listMembers(tenantId, teamId),

    async listTeamsOf(tenantId, userId) {
      const key = keyOf(tenantId, userId);
      const entry = remembered.get(key);
      if (entry && options.now() - entry.readAt < options.ttlMs) return [...entry.memberships];
      const running = inFlight.get(key);
      if (running) return [...(await running)];
      const mark = markOf(key);
      const readAt = options.now();
      const read = inner.listTeamsOf(tenantId, userId).finally(() => {
        if (inFlight.get(key) === read) inFlight.delete(key);
      });
      inFlight.set(key, read);
      const memberships = await read;
      if (unchanged(mark)) {
        forgetAllWhenFull();
        remembered.set(key, { memberships, readAt });
      }
      return [...memberships];
    },

    async membershipsIn(tenantId, teamId, userIds) {
      const rows = await Promise.all(userIds.map((userId) => teamRow(tenantId, teamId, userId)));
      return rows.filter((m): m is Membership => m !== undefined);
    },

    async addMembers(memberships) {
      for (const m of memberships) {
        changed(keyOf(m.tenantId, m.userId));
        forgetTeamRow(m.tenantId, m.teamId, m.userId);
      }
      // Each person's writes as this one left: another write of theirs meanwhile (a removal while this
      // was on the wire) may have landed before or after it, so then the row is read again, not assumed.
      const marks = memberships.map((m) => markOf(keyOf(m.tenantId, m.userId)));
      await inner.addMembers(memberships);
      const writtenAt = options.now();
      const undisturbed = new Set(marks.filter(unchanged).map((mark) => mark.key));
      for (const m of memberships) {
        const key = keyOf(m.tenantId, m.userId);
        changed(key);
        forgetAllWhenFull();
        if (undisturbed.has(key)) teamRows.set(teamRowOf(m.tenantId, m.teamId, m.userId), { membership: m, readAt: writtenAt });
        const entry = remembered.get(key);
        // What was remembered plus the row just written (the same team's row replaced).
        if (entry) remembered.set(key, { ...entry, memberships: [...entry.memberships.filter((x) => x.teamId !== m.teamId), m] });
      }
    },

    async removeMembers(tenantId, teamId, userIds) {
      for (const userId of userIds) {
        changed(keyOf(tenantId, userId));
        remembered.delete(keyOf(tenantId, userId));
        forgetTeamRow(tenantId, teamId, userId);
      }
      await inner.removeMembers(tenantId, teamId, userIds);
      // Forgotten again: a read that started while the rows were being deleted may have found them.
      for (const userId of userIds) {
        changed(keyOf(tenantId, userId));
        remembered.delete(keyOf(tenantId, userId));
        forgetTeamRow(tenantId, teamId, userId);
      }
    },

    async removeAllMembers(tenantId, teamId, stop) {
      everything += 1;
      remembered.clear();
      teamRows.clear();
      inFlight.clear();
      try {
        return await inner.removeAllMembers(tenantId, teamId, stop);
      } finally {
        everything += 1;
        remembered.clear();
        teamRows.clear();
        inFlight.clear();
      }
    },
  };
  return { ...repositories, teams };
}
