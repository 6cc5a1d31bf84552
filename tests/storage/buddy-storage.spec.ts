import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { ANY_TIME, ORGANISATION_POOL, WEEKDAYS } from '../../bot/src/domain/buddies/buddy';
import type { BuddyPair, BuddyRound } from '../../bot/src/domain/buddies/buddy';
import { createBuddyService } from '../../bot/src/domain/buddies/buddy-service';
import { scheduledRoundId } from '../../bot/src/domain/buddies/buddy-slots';
import { rawTable } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';
import { pairsInOrder, recordingOutbox, seedBuddyTeam } from '../support/buddies';

const storage = useTestStorage();

function round(tenantId: string, poolId: string, roundId: string, pairs: readonly BuddyPair[]): BuddyRound {
  const start = Date.now();
  return {
    tenantId,
    poolId,
    roundId,
    trigger: 'owner',
    startedAt: new Date(start).toISOString(),
    checkInAt: new Date(start + 7 * 86_400_000).toISOString(),
    endsAt: new Date(start + 14 * 86_400_000).toISOString(),
    pairs,
    leftOver: [],
    skipped: [],
    seed: 7,
  };
}

const pair = (a: string, b: string): BuddyPair => ({
  members: [a, b],
  reason: {
    teaches: [{ from: a, to: b, skill: 'power bi', level: 2 }],
    sharedLanguages: ['nl'],
    sharedDays: ['mon'],
    sharedModes: ['online'],
  },
  firstTopic: 'power bi',
});

describe('buddy storage (Azurite)', () => {
  it('preferences: per pool, read back as written, listed per pool, changed under the ETag', async () => {
    const { buddies } = storage.repos;
    const tenantId = randomUUID();
    const teamId = '19:a/b#c?d|e@thread.tacv2';
    const [a, b] = [randomUUID(), randomUUID()];
    const at = new Date().toISOString();
    await buddies.preferences.put({
      tenantId,
      poolId: teamId,
      userId: a,
      optIn: true,
      skipNext: false,
      availability: ANY_TIME,
      updatedAt: at,
    });
    await buddies.preferences.put({
      tenantId,
      poolId: ORGANISATION_POOL,
      userId: a,
      optIn: true,
      skipNext: true,
      availability: { days: ['tue'], modes: ['inPerson'] },
      updatedAt: at,
    });
    expect(await buddies.preferences.get(tenantId, ORGANISATION_POOL, a)).toMatchObject({
      skipNext: true,
      availability: { days: ['tue'] },
    });
    // Twenty writers at once on one row: every change lands (no lost update).
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        buddies.preferences.update(tenantId, teamId, b, (current) => ({
          tenantId,
          poolId: teamId,
          userId: b,
          optIn: true,
          skipNext: false,
          availability: {
            days: [...new Set([...(current?.availability.days ?? []), WEEKDAYS[i % 7] ?? 'mon'])],
            modes: ['online'],
          },
          updatedAt: at,
        })),
      ),
    );
    expect((await buddies.preferences.get(tenantId, teamId, b))?.availability.days).toHaveLength(7);
    expect((await buddies.preferences.listPool(tenantId, teamId)).map((p) => p.userId).sort()).toEqual([a, b].sort());
    expect(await buddies.preferences.listPool(randomUUID(), teamId)).toEqual([]);
  });

  it('a round is inserted once: two computations at once store one round, and both get the stored one', async () => {
    const { buddies } = storage.repos;
    const tenantId = randomUUID();
    const poolId = '19:pool@thread.tacv2';
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const roundId = scheduledRoundId(new Date());
    const [first, second] = await Promise.all([
      buddies.rounds.create(round(tenantId, poolId, roundId, [pair(a, b), pair(c, d)])),
      buddies.rounds.create(round(tenantId, poolId, roundId, [pair(a, c), pair(b, d)])),
    ]);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(first.round).toEqual(second.round);
    expect(await buddies.rounds.get(tenantId, poolId, roundId)).toEqual(first.round);
  });

  it('two round jobs at once through the service: one round stored, the same introductions from both', async () => {
    const repos = storage.repos;
    const team = await seedBuddyTeam(repos, 7);
    const outbox = recordingOutbox();
    const service = () => createBuddyService({ repositories: repos, outbox, match: pairsInOrder, now: () => new Date() });
    for (const userId of [team.owner, ...team.members])
      expect((await service().update({ tenantId: team.tenantId, userId }, team.teamId, { optIn: true })).ok).toBe(true);
    const job = { tenantId: team.tenantId, poolId: team.teamId, roundId: scheduledRoundId(new Date()) };
    const [x, y] = await Promise.all([service().runRound(job), service().runRound(job)]);
    expect(x).toEqual(y);
    expect(x.map((i) => i.userId).sort()).toEqual([team.owner, ...team.members].sort());
    const rounds = await repos.buddies.rounds.listRecent(team.tenantId, team.teamId, 5);
    expect(rounds).toHaveLength(1);
    // A trio for the odd count, nobody twice.
    expect(rounds[0]?.pairs.map((p) => p.members.length).sort()).toEqual([2, 2, 3]);
    // Both jobs asked for the check-in, at the round's halfway point.
    const checkIns = outbox.jobs.filter((j) => j.job.kind === 'askBuddiesMet');
    expect(checkIns.length).toBeGreaterThanOrEqual(1);
    expect(checkIns[0]?.notBefore?.toISOString()).toBe(rounds[0]?.checkInAt);
  });

  it('a round of hundreds of pairs is split over several properties and reads back whole', async () => {
    const { buddies } = storage.repos;
    const tenantId = randomUUID();
    const people = Array.from({ length: 600 }, () => randomUUID());
    const pairs = Array.from({ length: 300 }, (_, i) => pair(people[2 * i] ?? '', people[2 * i + 1] ?? ''));
    const big = round(tenantId, 'pool', `now-${new Date().toISOString()}-big`, pairs);
    expect((await buddies.rounds.create(big)).created).toBe(true);
    const rows = rawTable(storage.azurite.connectionString, 'plBuddyRounds').listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`tenantId eq ${tenantId}` },
    });
    const row = (await rows.next()).value ?? {};
    expect(Number(row['listParts'])).toBeGreaterThan(1);
    expect(await buddies.rounds.get(tenantId, 'pool', big.roundId)).toEqual(big);
  });

  it('answers: one per person and round, a later one replaces', async () => {
    const { buddies } = storage.repos;
    const tenantId = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    const base = { tenantId, poolId: ORGANISATION_POOL, roundId: 'sched-x', answeredAt: new Date().toISOString() };
    await buddies.answers.put({ ...base, userId: a, answer: 'notYet' });
    await buddies.answers.put({ ...base, userId: a, answer: 'yes' });
    await buddies.answers.put({ ...base, userId: b, answer: 'wont' });
    const answers = await buddies.answers.listForRound(tenantId, ORGANISATION_POOL, 'sched-x');
    expect(Object.fromEntries(answers.map((x) => [x.userId, x.answer]))).toEqual({ [a]: 'yes', [b]: 'wont' });
  });

  it('schedules: a new next slot is indexed; the due index lists what is due, oldest first', async () => {
    const { schedules } = storage.repos.buddies;
    const tenantId = randomUUID();
    const past = new Date(Date.now() - 60_000).toISOString();
    const { schedule, changed } = await schedules.update(tenantId, 'team-1', () => ({
      tenantId,
      poolId: 'team-1',
      cadence: { everyWeeks: 2, weekday: 'mon', time: '10:00' },
      nextDueAt: past,
      updatedAt: past,
    }));
    expect(changed).toBe(true);
    expect(await schedules.get(tenantId, 'team-1')).toEqual(schedule);
    const due = (await schedules.listDue(new Date().toISOString(), 1000)).filter((e) => e.tenantId === tenantId);
    expect(due).toEqual([{ tenantId, poolId: 'team-1', dueAt: past }]);
    expect((await schedules.listDue(new Date(Date.now() - 120_000).toISOString(), 1000)).filter((e) => e.tenantId === tenantId)).toEqual(
      [],
    );
    await schedules.removeDue({ tenantId, poolId: 'team-1', dueAt: past });
    expect((await schedules.listDue(new Date().toISOString(), 1000)).filter((e) => e.tenantId === tenantId)).toEqual([]);
  });
});
