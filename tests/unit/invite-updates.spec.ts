import { describe, expect, it } from '@jest/globals';
import type { OutboxJob } from '../../bot/src/domain/delivery/outbox';
import { createInviteUpdates } from '../../bot/src/domain/rsvp/invite-updates';

// One invite-card update per burst of RSVPs (domain/rsvp/invite-updates.ts).
const ref = { tenantId: 't', teamId: 'team', sessionId: 's' };

function setup(startMs = 0) {
  const jobs: OutboxJob[] = [];
  let clock = startMs;
  const updates = createInviteUpdates({ enqueue: async (job) => void jobs.push(job) }, () => new Date(clock), 2_000);
  return { jobs, updates, advance: (ms: number) => (clock += ms) };
}

/** An answer that finishes when the test says so. */
function held<T>(value: T) {
  let finish: (v: T) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const promise = new Promise<T>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { run: () => promise, finish: () => finish(value), fail: (e: unknown) => fail(e) };
}

describe('invite updates per RSVP burst', () => {
  it('answers that overlap enqueue one update, after the last of them is stored', async () => {
    const { jobs, updates } = setup();
    const answers = Array.from({ length: 20 }, () => held('stored'));
    const running = answers.map((a) => updates.around(ref, a.run, () => true));
    for (const a of answers.slice(0, 19)) a.finish();
    await Promise.all(running.slice(0, 19));
    expect(jobs).toEqual([]);
    answers[19]?.finish();
    await Promise.all(running);
    expect(jobs).toEqual([{ kind: 'updateInvite', ...ref }]);
  });

  it('answers one after the other each get their update', async () => {
    const { jobs, updates } = setup();
    await updates.around(
      ref,
      async () => 1,
      () => true,
    );
    await updates.around(
      ref,
      async () => 2,
      () => true,
    );
    expect(jobs).toHaveLength(2);
  });

  it('the last answer failing still enqueues the update the others are owed, and fails itself', async () => {
    const { jobs, updates } = setup();
    const ok = held('stored');
    const bad = held('never');
    const first = updates.around(ref, ok.run, () => true);
    const second = updates.around(ref, bad.run, () => true);
    ok.finish();
    await first;
    expect(jobs).toEqual([]);
    bad.fail(new Error('storage down'));
    await expect(second).rejects.toThrow('storage down');
    expect(jobs).toEqual([{ kind: 'updateInvite', ...ref }]);
  });

  it('nothing to update (a session without a channel): no job', async () => {
    const { jobs, updates } = setup();
    await updates.around(
      ref,
      async () => 'x',
      () => false,
    );
    expect(jobs).toEqual([]);
  });

  it('a stream that never pauses still updates the card every 2 s', async () => {
    const { jobs, updates, advance } = setup();
    const longest = held('stored');
    const running = updates.around(ref, longest.run, () => true);
    // 10 answers, 500 ms apart, while one long answer keeps the burst open.
    for (let i = 0; i < 10; i += 1) {
      advance(500);
      await updates.around(
        ref,
        async () => i,
        () => true,
      );
    }
    expect(jobs.length).toBe(2);
    longest.finish();
    await running;
    expect(jobs.length).toBe(3);
  });

  it('sessions are counted apart', async () => {
    const { jobs, updates } = setup();
    const a = held('a');
    const running = updates.around(ref, a.run, () => true);
    await updates.around(
      { ...ref, sessionId: 'other' },
      async () => 'b',
      () => true,
    );
    expect(jobs).toEqual([{ kind: 'updateInvite', ...ref, sessionId: 'other' }]);
    a.finish();
    await running;
    expect(jobs).toHaveLength(2);
  });
});
