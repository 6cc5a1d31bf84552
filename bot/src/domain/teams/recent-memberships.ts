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
 */
export function withRecentMemberships(repositories: Repositories, options: RecentMembershipsOptions): Repositories {
  const inner = repositories.teams;
  const remembered = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Membership[]>>();
  // Bumped by every write of a person's memberships (per person), and by a whole team's removal (all).
  const writes = new Map<string, number>();
  let everything = 0;
  const keyOf = (tenantId: string, userId: string) => `${tenantId}\n${userId}`;
  const changed = (key: string) => {
    writes.set(key, (writes.get(key) ?? 0) + 1);
    inFlight.delete(key);
  };

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
      const seen = { person: writes.get(key) ?? 0, all: everything };
      const readAt = options.now();
      const read = inner.listTeamsOf(tenantId, userId).finally(() => {
        if (inFlight.get(key) === read) inFlight.delete(key);
      });
      inFlight.set(key, read);
      const memberships = await read;
      if ((writes.get(key) ?? 0) === seen.person && everything === seen.all) {
        if (remembered.size >= PEOPLE_REMEMBERED) {
          remembered.clear();
          writes.clear();
          everything += 1;
        }
        remembered.set(key, { memberships, readAt });
      }
      return [...memberships];
    },

    async addMembers(memberships) {
      for (const m of memberships) changed(keyOf(m.tenantId, m.userId));
      await inner.addMembers(memberships);
      for (const m of memberships) {
        const key = keyOf(m.tenantId, m.userId);
        changed(key);
        const entry = remembered.get(key);
        // What was remembered plus the row just written (the same team's row replaced).
        if (entry) remembered.set(key, { ...entry, memberships: [...entry.memberships.filter((x) => x.teamId !== m.teamId), m] });
      }
    },

    async removeMembers(tenantId, teamId, userIds) {
      for (const userId of userIds) {
        changed(keyOf(tenantId, userId));
        remembered.delete(keyOf(tenantId, userId));
      }
      await inner.removeMembers(tenantId, teamId, userIds);
      // Forgotten again: a read that started while the rows were being deleted may have found them.
      for (const userId of userIds) {
        changed(keyOf(tenantId, userId));
        remembered.delete(keyOf(tenantId, userId));
      }
    },

    async removeAllMembers(tenantId, teamId, stop) {
      everything += 1;
      remembered.clear();
      inFlight.clear();
      try {
        return await inner.removeAllMembers(tenantId, teamId, stop);
      } finally {
        everything += 1;
        remembered.clear();
        inFlight.clear();
      }
    },
  };
  return { ...repositories, teams };
}
