import { describe, expect, it, jest } from '@jest/globals';
import { ExpertDirectory } from '../../bot/src/domain/experts/expert-directory';
import type { ProfileChange } from '../../bot/src/domain/experts/expert-ports';
import { quietLogger } from '../support/service';

// The expert index's poll waits while a burst of RSVP answers is served (expert-directory.ts,
// docs/BENCHMARKS.md "RSVP burst"): a changed person's profile and endorsements are read after the
// burst, or after maxDeferMs however long it lasts, never during it.
const TENANT = 'tenant-1';

function setup(onProfileRead: (reads: number) => void = () => undefined) {
  let busy = false;
  // Reads of a changed person's profile: what a poll costs per person it applies.
  let profileReads = 0;
  let feedReads = 0;
  let change: ProfileChange | undefined;
  const directory = new ExpertDirectory(
    {
      members: {
        get: async () => {
          profileReads += 1;
          onProfileRead(profileReads);
          return undefined;
        },
        forEachInTenant: async () => undefined,
      },
      teams: { listForTenant: async () => [] },
      sessions: { listForTeam: async () => [] },
      endorsements: {
        add: async () => true,
        addMany: async () => undefined,
        listForPerson: async () => [],
        listForTenant: async () => [],
      },
      changes: {
        record: async () => undefined,
        recordErasure: async () => undefined,
        since: async () => {
          feedReads += 1;
          return change ? [change] : [];
        },
        tenants: async () => [TENANT],
        prune: async () => 0,
      },
    },
    { now: () => new Date(), log: quietLogger, pollIntervalMs: 1_000, deferWhile: () => busy, deferCheckMs: 100, maxDeferMs: 3_000 },
  );
  return {
    directory,
    setBusy: (value: boolean) => (busy = value),
    changed: (id: string, ...userIds: string[]) => (change = { id, tenantId: TENANT, userIds, at: Date.now() }),
    profileReads: () => profileReads,
    feedReads: () => feedReads,
  };
}

describe('expert index poll during a burst of answers', () => {
  it('waits while answers are served, polls once they are over, and waits no longer than maxDeferMs', async () => {
    jest.useFakeTimers();
    const t = setup();
    try {
      await t.directory.start();
      const warmed = t.feedReads();
      t.changed('c1', 'ann');
      t.setBusy(true);
      // Due after 1 s, held for 2 s more while busy: neither the feed nor Ann's profile is read.
      await jest.advanceTimersByTimeAsync(3_000);
      expect(t.feedReads()).toBe(warmed);
      expect(t.profileReads()).toBe(0);
      // The burst is over: polled within one check.
      t.setBusy(false);
      await jest.advanceTimersByTimeAsync(100);
      expect(t.feedReads()).toBe(warmed + 1);
      expect(t.profileReads()).toBe(1);

      // Busy for good: the next poll (due 1 s later) runs after at most 3 s of waiting all the same.
      t.changed('c2', 'bob');
      t.setBusy(true);
      await jest.advanceTimersByTimeAsync(1_000 + 2_900);
      expect(t.feedReads()).toBe(warmed + 1);
      await jest.advanceTimersByTimeAsync(200);
      expect(t.feedReads()).toBe(warmed + 2);
      expect(t.profileReads()).toBe(2);
    } finally {
      await t.directory.stop();
      jest.useRealTimers();
    }
  });

  it('a poll already reading when a burst begins pauses between people until it is over', async () => {
    jest.useFakeTimers();
    // The burst begins as the poll reads its 8th person (its 8 readers have started one each by then).
    const t = setup((reads) => {
      if (reads === 8) t.setBusy(true);
    });
    try {
      await t.directory.start();
      t.changed('c1', ...Array.from({ length: 40 }, (_, i) => `person-${i}`));
      await jest.advanceTimersByTimeAsync(1_000);
      const duringBurst = t.profileReads();
      expect(duringBurst).toBeLessThanOrEqual(16);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(t.profileReads()).toBe(duringBurst);
      t.setBusy(false);
      await jest.advanceTimersByTimeAsync(100);
      expect(t.profileReads()).toBe(40);
    } finally {
      await t.directory.stop();
      jest.useRealTimers();
    }
  });
});
