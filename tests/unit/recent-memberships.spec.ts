import { describe, expect, it } from '@jest/globals';
import type { Repositories, TeamRepository } from '../../bot/src/domain/shared/repositories';
import type { Membership } from '../../bot/src/domain/teams/team';
import { withRecentMemberships } from '../../bot/src/domain/teams/recent-memberships';

// A person's memberships, remembered a few seconds per instance (domain/teams/recent-memberships.ts):
// the access check must stay exact for every write this instance makes.
const member = (teamId: string, userId = 'u1'): Membership => ({
  tenantId: 't',
  teamId,
  userId,
  role: 'member',
  joinedAt: '2026-01-01T00:00:00.000Z',
});

/** Memberships in a map; `hold()` makes the next listTeamsOf wait until the test lets it answer (with what it found when it started). */
function storedTeams() {
  const rows = new Map<string, Membership>();
  const reads: string[] = [];
  // Each membershipsIn read: the people it asked for.
  const teamReads: string[][] = [];
  let held: { release: () => void } | undefined;
  let holdNext = false;
  let heldAdd: { release: () => void } | undefined;
  let holdNextAdd = false;
  const teams: Pick<TeamRepository, 'listTeamsOf' | 'membershipsIn' | 'addMembers' | 'removeMembers'> = {
    async membershipsIn(_tenantId, teamId, userIds) {
      teamReads.push([...userIds]);
      const found = userIds.flatMap((u) => {
        const m = rows.get(`${teamId}|${u}`);
        return m ? [m] : [];
      });
      if (holdNext) {
        holdNext = false;
        await new Promise<void>((resolve) => (held = { release: resolve }));
      }
      return found;
    },
    async listTeamsOf(_tenantId, userId) {
      reads.push(userId);
      const found = [...rows.values()].filter((m) => m.userId === userId);
      if (holdNext) {
        holdNext = false;
        await new Promise<void>((resolve) => (held = { release: resolve }));
      }
      return found;
    },
    async addMembers(memberships) {
      for (const m of memberships) rows.set(`${m.teamId}|${m.userId}`, m);
      // Stored, but the answer is late (the test lets it through).
      if (holdNextAdd) {
        holdNextAdd = false;
        await new Promise<void>((resolve) => (heldAdd = { release: resolve }));
      }
    },
    async removeMembers(_tenantId, teamId, userIds) {
      for (const u of userIds) rows.delete(`${teamId}|${u}`);
    },
  };
  return {
    reads,
    teamReads,
    repositories: { teams: teams as TeamRepository } as Repositories,
    hold: () => (holdNext = true),
    release: () => held?.release(),
    holdAdd: () => (holdNextAdd = true),
    releaseAdd: () => heldAdd?.release(),
  };
}

describe('recent memberships', () => {
  it('reads a person once per ttl, and applies its own writes at once', async () => {
    const store = storedTeams();
    let clock = 0;
    const { teams } = withRecentMemberships(store.repositories, { now: () => clock, ttlMs: 5_000 });
    await teams.addMembers([member('a')]);
    expect((await teams.listTeamsOf('t', 'u1')).map((m) => m.teamId)).toEqual(['a']);
    expect((await teams.listTeamsOf('t', 'u1')).map((m) => m.teamId)).toEqual(['a']);
    expect(store.reads).toHaveLength(1);

    await teams.addMembers([member('b')]);
    expect((await teams.listTeamsOf('t', 'u1')).map((m) => m.teamId).sort()).toEqual(['a', 'b']);
    expect(store.reads).toHaveLength(1);

    await teams.removeMembers('t', 'a', ['u1']);
    expect((await teams.listTeamsOf('t', 'u1')).map((m) => m.teamId)).toEqual(['b']);
    expect(store.reads).toHaveLength(2);

    clock += 5_000;
    await teams.listTeamsOf('t', 'u1');
    expect(store.reads).toHaveLength(3);
  });

  it('a read on the wire while the person was removed is not remembered, and nobody joins it', async () => {
    const store = storedTeams();
    const { teams } = withRecentMemberships(store.repositories, { now: () => 0, ttlMs: 5_000 });
    await teams.addMembers([member('a')]);
    store.hold();
    const early = teams.listTeamsOf('t', 'u1');
    await new Promise((resolve) => setImmediate(resolve));
    await teams.removeMembers('t', 'a', ['u1']);
    // Asked after the removal: its own read, which no longer finds the membership.
    expect(await teams.listTeamsOf('t', 'u1')).toEqual([]);
    store.release();
    // The early read answers what it found when it started; it is not kept.
    expect((await early).map((m) => m.teamId)).toEqual(['a']);
    expect(await teams.listTeamsOf('t', 'u1')).toEqual([]);
  });

  it('asks for team rows of the same moment share one read, a read is remembered, and writes set the row at once', async () => {
    const store = storedTeams();
    let clock = 0;
    const { teams } = withRecentMemberships(store.repositories, { now: () => clock, ttlMs: 5_000 });
    await store.repositories.teams.addMembers([member('a', 'u1'), member('a', 'u3')]);
    const asked = await Promise.all(['u1', 'u2', 'u3', 'u1'].map((u) => teams.membershipsIn('t', 'a', [u])));
    expect(asked.map((found) => found.map((m) => m.userId))).toEqual([['u1'], [], ['u3'], ['u1']]);
    expect(store.teamReads).toEqual([['u1', 'u2', 'u3']]);

    // Remembered, whether a member or not.
    expect((await teams.membershipsIn('t', 'a', ['u1', 'u2'])).map((m) => m.userId)).toEqual(['u1']);
    expect(store.teamReads).toHaveLength(1);

    // Written here: known at once, without a read.
    await teams.addMembers([member('a', 'u2')]);
    expect((await teams.membershipsIn('t', 'a', ['u2'])).map((m) => m.userId)).toEqual(['u2']);
    await teams.removeMembers('t', 'a', ['u1']);
    expect(await teams.membershipsIn('t', 'a', ['u1'])).toEqual([]);
    expect(store.teamReads).toEqual([['u1', 'u2', 'u3'], ['u1']]);

    // A person's remembered list of teams answers too.
    await teams.listTeamsOf('t', 'u3');
    clock += 5_000;
    expect((await teams.membershipsIn('t', 'a', ['u3'])).map((m) => m.userId)).toEqual(['u3']);
    expect(store.teamReads).toHaveLength(3);
    expect((await teams.membershipsIn('t', 'a', ['u3'])).map((m) => m.userId)).toEqual(['u3']);
    expect(store.teamReads).toHaveLength(3);
  });

  it('asks that arrive while a team read is on the wire go together in the next one', async () => {
    const store = storedTeams();
    const { teams } = withRecentMemberships(store.repositories, { now: () => 0, ttlMs: 5_000 });
    store.hold();
    const first = teams.membershipsIn('t', 'a', ['u1']);
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['u2', 'u3', 'u4'].map((u) => teams.membershipsIn('t', 'a', [u]));
    await new Promise((resolve) => setImmediate(resolve));
    store.release();
    await Promise.all([first, ...later]);
    expect(store.teamReads).toEqual([['u1'], ['u2', 'u3', 'u4']]);
  });

  it('a team row read on the wire while the person was removed is not remembered', async () => {
    const store = storedTeams();
    const { teams } = withRecentMemberships(store.repositories, { now: () => 0, ttlMs: 5_000 });
    await store.repositories.teams.addMembers([member('a')]);
    store.hold();
    const early = teams.membershipsIn('t', 'a', ['u1']);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    await teams.removeMembers('t', 'a', ['u1']);
    store.release();
    expect((await early).map((m) => m.userId)).toEqual(['u1']);
    expect(await teams.membershipsIn('t', 'a', ['u1'])).toEqual([]);
    expect(store.teamReads).toHaveLength(2);
  });

  it('a failed team read fails its askers and is not remembered', async () => {
    const store = storedTeams();
    const { teams } = withRecentMemberships(store.repositories, { now: () => 0, ttlMs: 5_000 });
    const inner = store.repositories.teams;
    const read = inner.membershipsIn.bind(inner);
    let fail = true;
    inner.membershipsIn = async (...args) => {
      if (fail) throw new Error('storage is down');
      return read(...args);
    };
    await expect(Promise.all([teams.membershipsIn('t', 'a', ['u1']), teams.membershipsIn('t', 'a', ['u2'])])).rejects.toThrow(
      'storage is down',
    );
    fail = false;
    await inner.addMembers([member('a')]);
    expect((await teams.membershipsIn('t', 'a', ['u1'])).map((m) => m.userId)).toEqual(['u1']);
  });

  it('a membership written while the person was removed is read again, not assumed', async () => {
    const store = storedTeams();
    const { teams } = withRecentMemberships(store.repositories, { now: () => 0, ttlMs: 5_000 });
    store.holdAdd();
    // The vouched member's write is stored, but its answer comes late; the removal lands after it.
    const adding = teams.addMembers([member('a')]);
    await new Promise((resolve) => setImmediate(resolve));
    await teams.removeMembers('t', 'a', ['u1']);
    store.releaseAdd();
    await adding;
    expect(await teams.membershipsIn('t', 'a', ['u1'])).toEqual([]);
    expect(store.teamReads).toEqual([['u1']]);
  });
});
