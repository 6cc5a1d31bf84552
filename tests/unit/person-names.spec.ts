import { describe, expect, it } from '@jest/globals';
import type { MemberProfile } from '../../bot/src/domain/experts/member';
import { newMemberProfile } from '../../bot/src/domain/experts/member';
import type { Membership } from '../../bot/src/domain/teams/team';
import { namesOf } from '../../bot/src/domain/teams/person-names';

const AT = new Date();
const T = 'tenant';

/** The two name sources over plain arrays, counting the reads a storage account would answer. */
function sources(profiles: readonly MemberProfile[], memberships: readonly Membership[]) {
  const reads = { getMany: 0, listTeamsOf: 0, listMembers: 0 };
  return {
    reads,
    members: {
      getMany: async (tenantId: string, ids: readonly string[]) => {
        reads.getMany += 1;
        return profiles.filter((p) => p.tenantId === tenantId && ids.includes(p.userId));
      },
    },
    teams: {
      listTeamsOf: async (tenantId: string, userId: string) => {
        reads.listTeamsOf += 1;
        return memberships.filter((m) => m.tenantId === tenantId && m.userId === userId);
      },
      listMembers: async (tenantId: string, teamId: string) => {
        reads.listMembers += 1;
        return memberships.filter((m) => m.tenantId === tenantId && m.teamId === teamId);
      },
    },
  };
}

const member = (teamId: string, userId: string, displayName: string): Membership => ({
  tenantId: T,
  teamId,
  userId,
  role: 'member',
  joinedAt: AT.toISOString(),
  displayName,
});

describe('namesOf', () => {
  const profiles = [newMemberProfile({ tenantId: T, userId: 'ann', displayName: 'Ann (own name)' }, AT)];
  const memberships = [
    member('board', 'ann', 'Ann (roster)'),
    ...Array.from({ length: 30 }, (_, i) => member('board', `p${i}`, `Person ${i}`)),
    // Left the board's team; still named by another team's roster.
    member('other', 'gone', 'Gone Person'),
  ];
  const ids = ['ann', ...Array.from({ length: 30 }, (_, i) => `p${i}`), 'gone', 'nobody'];

  it('with the team: one read of its membership partition, not one per person without a profile', async () => {
    const s = sources(profiles, memberships);
    const names = await namesOf(s, T, ids, 'board');
    expect(s.reads).toEqual({ getMany: 1, listMembers: 1, listTeamsOf: 2 });
    expect(names.get('ann')?.displayName).toBe('Ann (own name)');
    expect(names.get('p17')?.displayName).toBe('Person 17');
    expect(names.get('gone')?.displayName).toBe('Gone Person');
    expect(names.has('nobody')).toBe(false);
  });

  it('without the team: the same names, a read per person without a profile', async () => {
    const s = sources(profiles, memberships);
    const withTeam = await namesOf(sources(profiles, memberships), T, ids, 'board');
    const without = await namesOf(s, T, ids);
    expect(s.reads).toEqual({ getMany: 1, listMembers: 0, listTeamsOf: 32 });
    expect([...without.entries()].sort()).toEqual([...withTeam.entries()].sort());
  });

  it('names held in memory (the warm expert index) are not read; the others are, as before', async () => {
    const s = sources(profiles, memberships);
    const asked: string[][] = [];
    const known = {
      profileNames: (tenantId: string, userIds: Iterable<string>) => {
        const wanted = [...userIds];
        asked.push(wanted);
        return new Map(tenantId === T && wanted.includes('ann') ? [['ann', 'Ann (index)']] : []);
      },
    };
    const names = await namesOf({ ...s, known }, T, ['ann', 'ann', 'p3'], 'board');
    expect(asked).toEqual([['ann', 'p3']]);
    expect(s.reads).toEqual({ getMany: 1, listMembers: 0, listTeamsOf: 1 });
    expect(names.get('ann')?.displayName).toBe('Ann (index)');
    expect(names.get('p3')?.displayName).toBe('Person 3');
  });

  it('everyone held in memory: no read at all', async () => {
    const s = sources(profiles, memberships);
    const known = {
      profileNames: (_tenantId: string, userIds: Iterable<string>) => new Map([...userIds].map((id) => [id, `${id} (index)`])),
    };
    const names = await namesOf({ ...s, known }, T, ['ann', 'p3'], 'board');
    expect(s.reads).toEqual({ getMany: 0, listMembers: 0, listTeamsOf: 0 });
    expect([...names.values()].map((p) => p.displayName)).toEqual(['ann (index)', 'p3 (index)']);
  });

  it('one person without a profile costs one small read, not the whole team', async () => {
    const s = sources(profiles, memberships);
    await namesOf(s, T, ['ann', 'p3'], 'board');
    expect(s.reads).toEqual({ getMany: 1, listMembers: 0, listTeamsOf: 1 });
  });
});
