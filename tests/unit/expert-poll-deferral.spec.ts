import { describe, expect, it, jest } from '@jest/globals';
import { ExpertDirectory } from '../../bot/src/domain/experts/expert-directory';
import type { ProfileChange } from '../../bot/src/domain/experts/expert-ports';
import { expertPorts } from '../support/expert-ports';
import { quietLogger } from '../support/service';

// The expert index's poll waits while a burst of RSVP answers is served (expert-directory.ts,
// docs/BENCHMARKS.md "RSVP burst"): a changed person's profile and endorsements are read after the
// burst, or after maxDeferMs however long it lasts, never during it.
const TENANT = 'tenant-1';

function setup(onProfileRead: (reads: number) => void = () => undefined, readMs = 0) {
  let busy = false;
  // Profile reads on the wire at the same moment, and the most there were.
  let reading = 0;
  let mostReading = 0;
  // Reads of a changed person's profile: what a poll costs per person it applies.
  let profileReads = 0;
  let feedReads = 0;
  let change: ProfileChange | undefined;
  const directory = new ExpertDirectory(
    expertPorts({
      members: {
        get: async () => {
          profileReads += 1;
          onProfileRead(profileReads);
          reading += 1;
          mostReading = Math.max(mostReading, reading);
          if (readMs > 0) await new Promise((resolve) => setTimeout(resolve, readMs));
          reading -= 1;
          return undefined;
        },
        forEachInTenant: async () => undefined,
      },
      changes: {
        since: async () => {
          feedReads += 1;
          return change ? [change] : [];
        },
        tenants: async () => [TENANT],
      },
    }),
    { now: () => new Date(), log: quietLogger, pollIntervalMs: 1_000, deferWhile: () => busy, deferCheckMs: 100, maxDeferMs: 3_000 },
  );
  return {
    directory,
    setBusy: (value: boolean) => (busy = value),
    changed: (id: string, ...userIds: string[]) => (change = { id, tenantId: TENANT, userIds, at: Date.now() }),
    profileReads: () => profileReads,
    feedReads: () => feedReads,
    mostReading: () => mostReading,
  };
}

/** `body` on Jest's fake clock with the directory started; stopped, and the real clock back, whatever happens. */
async function onFakeClock(t: ReturnType<typeof setup>, body: () => Promise<void>): Promise<void> {
  jest.useFakeTimers();
  try {
    await t.directory.start();
    await body();
  } finally {
    await t.directory.stop();
    jest.useRealTimers();
  }
}

describe('expert index poll during a burst of answers', () => {
  it('waits while answers are served, polls once they are over, and waits no longer than maxDeferMs', async () => {
    const t = setup();
    await onFakeClock(t, async () => {
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
    });
  });

  it('a poll already reading when a burst begins pauses between people until it is over', async () => {
    // The burst begins as the poll reads its 8th person (its 8 readers have started one each by then).
    const t = setup((reads) => {
      if (reads === 8) t.setBusy(true);
    });
    await onFakeClock(t, async () => {
      t.changed('c1', ...Array.from({ length: 40 }, (_, i) => `person-${i}`));
      await jest.advanceTimersByTimeAsync(1_000);
      const duringBurst = t.profileReads();
      expect(duringBurst).toBeLessThanOrEqual(16);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(t.profileReads()).toBe(duringBurst);
      t.setBusy(false);
      await jest.advanceTimersByTimeAsync(100);
      expect(t.profileReads()).toBe(40);
    });
  });

  it('a poll past its waiting budget with the burst still on reads one person at a time, and all of them', async () => {
    const t = setup(() => undefined, 50);
    await onFakeClock(t, async () => {
      t.changed('c1', ...Array.from({ length: 40 }, (_, i) => `person-${i}`));
      t.setBusy(true);
      // Due after 1 s, held 3 s, then read one by one (50 ms each) while the burst goes on.
      await jest.advanceTimersByTimeAsync(1_000 + 3_000 + 100);
      expect(t.profileReads()).toBeGreaterThan(0);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(t.mostReading()).toBe(1);
      const beforeEnd = t.profileReads();
      expect(beforeEnd).toBeLessThan(40);
      // The burst is over: the other lanes join in.
      t.setBusy(false);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(t.profileReads()).toBe(40);
      expect(t.mostReading()).toBeGreaterThan(1);
    });
  });

  it('one lane reads everybody when the burst never ends', async () => {
    const t = setup(() => undefined, 50);
    await onFakeClock(t, async () => {
      t.changed('c1', ...Array.from({ length: 20 }, (_, i) => `person-${i}`));
      t.setBusy(true);
      await jest.advanceTimersByTimeAsync(1_000 + 3_000 + 20 * 50 + 500);
      expect(t.profileReads()).toBe(20);
      expect(t.mostReading()).toBe(1);
    });
  });

  it('a read that fails stops the poll: the lanes still waiting do not read on beside the next one', async () => {
    const t = setup((reads) => {
      if (reads === 3) throw new Error('storage is down');
    }, 50);
    await onFakeClock(t, async () => {
      t.changed('c1', ...Array.from({ length: 20 }, (_, i) => `person-${i}`));
      t.setBusy(true);
      // Due after 1 s, held 3 s, then one lane reads until its third read fails.
      await jest.advanceTimersByTimeAsync(1_000 + 3_000 + 200);
      expect(t.profileReads()).toBe(3);
      // The burst ends: the next poll (due 1 s after the failed one) reads all 20 again, and nobody else reads.
      t.setBusy(false);
      await jest.advanceTimersByTimeAsync(2_000);
      expect(t.profileReads()).toBe(3 + 20);
    });
  });
});
