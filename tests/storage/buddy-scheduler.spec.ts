import { describe, expect, it } from '@jest/globals';
import { createBuddyService } from '../../bot/src/domain/buddies/buddy-service';
import { nextSlot, scheduledRoundId } from '../../bot/src/domain/buddies/buddy-slots';
import type { OutboxJob } from '../../bot/src/domain/delivery/outbox';
import { startBuddyScheduler } from '../../bot/src/jobs/buddies/buddy-scheduler';
import { pairsInOrder, recordingOutbox, seedBuddyTeam } from '../support/buddies';
import { eventually } from '../support/eventually';
import { quietLogger } from '../support/service';
import { useTestStorage } from '../support/test-storage';

const storage = useTestStorage();
const HOUR = 3_600_000;

function instance(clock: { now: Date }) {
  const outbox = recordingOutbox();
  const service = createBuddyService({ repositories: storage.repos, outbox, match: pairsInOrder, now: () => clock.now });
  return { outbox, service };
}

const rounds = (jobs: readonly { job: OutboxJob }[]) => jobs.filter((j) => j.job.kind === 'startBuddyRound').map((j) => j.job);

describe('buddy scheduler: rounds start on the team cadence', () => {
  it('two schedulers passing at once enqueue a due slot once, named by the slot, and move the team to its next slot', async () => {
    const clock = { now: new Date() };
    const team = await seedBuddyTeam(storage.repos, 4);
    const [a, b] = [instance(clock), instance(clock)];
    const owner = { tenantId: team.tenantId, userId: team.owner };
    const set = await a.service.setCadence(owner, team.teamId, { everyWeeks: 1, weekday: 'wed', time: '08:45' });
    if (!set.ok) throw new Error(JSON.stringify(set.failure));
    const slot = set.value.nextRoundAt ?? '';
    expect(Date.parse(slot)).toBeGreaterThan(clock.now.getTime());

    // Before the slot nothing is due.
    expect(await a.service.enqueueDueRounds()).toBe(0);
    clock.now = new Date(Date.parse(slot) + 60_000);
    const passes = await Promise.all([a.service.enqueueDueRounds(), b.service.enqueueDueRounds(), a.service.enqueueDueRounds()]);
    expect(passes.reduce((n, x) => n + x, 0)).toBe(1);
    const enqueued = [...rounds(a.outbox.jobs), ...rounds(b.outbox.jobs)];
    expect(enqueued).toEqual([
      { kind: 'startBuddyRound', tenantId: team.tenantId, teamId: team.teamId, roundId: scheduledRoundId(new Date(slot)) },
    ]);

    const after = await a.service.cadence(owner, team.teamId);
    const cadence = { everyWeeks: 1, weekday: 'wed', time: '08:45' } as const;
    expect(after.ok && after.value.nextRoundAt).toBe(nextSlot(cadence, 'Europe/Amsterdam', new Date(slot), clock.now).toISOString());
    // Later passes before the next slot find nothing.
    expect(await b.service.enqueueDueRounds()).toBe(0);
  });

  it('a claimer that died before enqueueing is covered after the grace period, once', async () => {
    const clock = { now: new Date() };
    const team = await seedBuddyTeam(storage.repos, 2);
    const { service, outbox } = instance(clock);
    const owner = { tenantId: team.tenantId, userId: team.owner };
    const set = await service.setCadence(owner, team.teamId, { everyWeeks: 2, weekday: 'fri', time: '16:00' });
    const slot = set.ok ? (set.value.nextRoundAt ?? '') : '';
    clock.now = new Date(Date.parse(slot) + 1_000);
    // The claim as a scheduler makes it, and then nothing: it died before enqueueing and removing the entry.
    const { schedules } = storage.repos.buddies;
    await schedules.update(team.tenantId, team.teamId, (current) =>
      current
        ? {
            ...current,
            nextDueAt: new Date(Date.parse(slot) + 14 * 24 * HOUR).toISOString(),
            firedSlot: slot,
            updatedAt: clock.now.toISOString(),
          }
        : undefined,
    );
    expect(await service.enqueueDueRounds()).toBe(0);
    clock.now = new Date(clock.now.getTime() + 6 * 60_000);
    expect(await service.enqueueDueRounds()).toBe(1);
    expect(await service.enqueueDueRounds()).toBe(0);
    expect(rounds(outbox.jobs).map((j) => j.kind === 'startBuddyRound' && j.roundId)).toEqual([scheduledRoundId(new Date(slot))]);
  });

  it('a stopped cadence leaves nothing due; the timer runs passes until stopped', async () => {
    const clock = { now: new Date() };
    const team = await seedBuddyTeam(storage.repos, 2);
    const { service, outbox } = instance(clock);
    const owner = { tenantId: team.tenantId, userId: team.owner };
    const set = await service.setCadence(owner, team.teamId, { everyWeeks: 4, weekday: 'mon', time: '07:00' });
    const slot = set.ok ? (set.value.nextRoundAt ?? '') : '';
    const stopped = await service.setCadence(owner, team.teamId, null);
    expect(stopped.ok && stopped.value).toMatchObject({ cadence: null, canEdit: true });
    expect(stopped.ok && stopped.value.nextRoundAt).toBeUndefined();
    clock.now = new Date(Date.parse(slot) + 1_000);
    let passes = 0;
    const timer = startBuddyScheduler({
      enqueueDue: async () => {
        passes += 1;
        return service.enqueueDueRounds();
      },
      log: quietLogger,
      everyMs: 20,
      firstAfterMs: 0,
    });
    await eventually(() => expect(passes).toBeGreaterThanOrEqual(3));
    await timer.stop();
    expect(rounds(outbox.jobs)).toEqual([]);
  });
});
