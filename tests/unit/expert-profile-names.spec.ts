import { describe, expect, it } from '@jest/globals';
import { ExpertDirectory } from '../../bot/src/domain/experts/expert-directory';
import type { ProfileChange } from '../../bot/src/domain/experts/expert-ports';
import type { MemberProfile } from '../../bot/src/domain/experts/member';
import { newMemberProfile } from '../../bot/src/domain/experts/member';
import { erasureKeyOf } from '../../bot/src/domain/privacy/erasure-key';
import { eventually } from '../support/eventually';
import { quietLogger } from '../support/service';
import { expertPorts } from '../support/expert-ports';

// The board names its people from the warm expert index (ExpertDirectory.profileNames, issue #16). What
// another instance writes reaches it through the change feed's poll: a rename, an emptied name, an erasure.
const T = 'tenant-1';
const OTHER = 'tenant-2';

function setup() {
  const profiles = new Map<string, MemberProfile>();
  const changes: ProfileChange[] = [];
  const put = (tenantId: string, userId: string, displayName: string) =>
    profiles.set(`${tenantId}/${userId}`, newMemberProfile({ tenantId, userId, displayName }, new Date()));
  const directory = new ExpertDirectory(
    expertPorts({
      members: {
        get: async (tenantId, userId) => profiles.get(`${tenantId}/${userId}`),
        forEachInTenant: async (tenantId, onPage) => onPage([...profiles.values()].filter((p) => p.tenantId === tenantId)),
      },
      changes: {
        since: async (tenantId, fromMs) => changes.filter((c) => c.tenantId === tenantId && c.at >= fromMs),
        tenants: async () => [T],
      },
    }),
    // A short poll on the real clock: an erasure's keys are digested by Web Crypto, off the event loop.
    { now: () => new Date(), log: quietLogger, pollIntervalMs: 20 },
  );
  let n = 0;
  /** What another instance announces on the feed after its write. */
  const announce = (change: Omit<ProfileChange, 'id' | 'at' | 'tenantId'>) =>
    changes.push({ id: `c${++n}`, tenantId: T, at: Date.now(), ...change });
  return { directory, profiles, put, announce };
}

/** `body` with the directory started (the tenant warmed), stopped whatever happens. */
async function started(t: ReturnType<typeof setup>, body: () => Promise<void>): Promise<void> {
  try {
    await t.directory.start();
    await body();
  } finally {
    await t.directory.stop();
  }
}

describe('ExpertDirectory.profileNames', () => {
  it('names only people with a profile and a name, in the asked tenant, and nothing for a tenant not loaded', async () => {
    const t = setup();
    t.put(T, 'ann', 'Ann');
    t.put(T, 'nameless', '');
    t.put(OTHER, 'olga', 'Olga');
    await started(t, async () => {
      expect([...t.directory.profileNames(T, ['ann', 'nameless', 'nobody', 'olga'])]).toEqual([['ann', 'Ann']]);
      // Not loaded here (not in the feed's tenants): a name read never loads it.
      expect(t.directory.profileNames(OTHER, ['olga']).size).toBe(0);
      expect(t.directory.isWarm(OTHER)).toBe(false);
    });
  });

  it('takes another instance’s rename, emptied name and erasure at its next poll', async () => {
    const t = setup();
    t.put(T, 'ann', 'Ann');
    t.put(T, 'bob', 'Bob');
    t.put(T, 'cleo', 'Cleo');
    await started(t, async () => {
      expect(t.directory.profileNames(T, ['ann', 'bob', 'cleo']).size).toBe(3);
      t.put(T, 'ann', 'Ann Renamed');
      t.put(T, 'bob', '');
      t.announce({ userIds: ['ann', 'bob'] });
      // Cleo erased elsewhere: her profile deleted, the feed names her only by her erasure key.
      t.profiles.delete(`${T}/cleo`);
      t.announce({ userIds: [], erased: [await erasureKeyOf(T, 'cleo')] });
      expect(t.directory.profileNames(T, ['cleo']).get('cleo')).toBe('Cleo');
      await eventually(() => expect([...t.directory.profileNames(T, ['ann', 'bob', 'cleo'])]).toEqual([['ann', 'Ann Renamed']]));
    });
  });
});
