import { describe, expect, it } from '@jest/globals';
import { ORGANISATION_POOL } from '../../bot/src/domain/buddies/buddy';
import { skillKeyOf } from '../../bot/src/domain/experts/expert-index';
import { createBuddyService } from '../../bot/src/domain/buddies/buddy-service';
import { ownerRoundId } from '../../bot/src/domain/buddies/buddy-slots';
import { buddyRoundKey, TABLES } from '../../bot/src/storage/shared/keys';
import { MalformedRowError } from '../../bot/src/storage/shared/storage-errors';
import { pairsInOrder, recordingOutbox, seedBuddyTeam } from '../support/buddies';
import { rawTable } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';

const storage = useTestStorage();

const service = () =>
  createBuddyService({ repositories: storage.repos, outbox: recordingOutbox(), match: pairsInOrder, now: () => new Date() });

describe('buddy rounds: who takes part and what the introductions say', () => {
  it('a person skipping the round is left out and has skipNext cleared by it; introductions are in each person\u2019s language', async () => {
    const team = await seedBuddyTeam(storage.repos, 5);
    const buddies = service();
    const everyone = [team.owner, ...team.members];
    for (const userId of everyone) await buddies.update({ tenantId: team.tenantId, userId }, team.teamId, { optIn: true });
    const skipper = team.members[0] ?? '';
    await buddies.update({ tenantId: team.tenantId, userId: skipper }, team.teamId, { skipNext: true });
    const roundId = ownerRoundId(new Date(), 'skip');
    const intros = await buddies.runRound({ tenantId: team.tenantId, poolId: team.teamId, roundId });
    expect(intros.map((i) => i.userId).sort()).toEqual(everyone.filter((id) => id !== skipper).sort());
    const round = await storage.repos.buddies.rounds.get(team.tenantId, team.teamId, roundId);
    expect(round?.skipped).toEqual([skipper]);
    expect((await storage.repos.buddies.preferences.get(team.tenantId, team.teamId, skipper))?.skipNext).toBe(false);
    // seedBuddyTeam gives even places a Dutch profile; the team is Dutch too, its zone the default.
    const owner = intros.find((i) => i.userId === team.owner);
    expect(owner).toMatchObject({ locale: 'nl', teamName: 'Buddy team', timeZone: 'Europe/Amsterdam', endsAt: round?.endsAt });
    expect(intros.find((i) => i.userId === team.members[2])?.locale).toBe('en');
    // The pair's own spelling of each skill in its reason travels with the introduction.
    for (const i of intros) {
      for (const m of i.reason.teaches) expect(['power bi', 'Facilitation']).toContain(i.skillNames?.[m.skill]);
    }
    // A buddy's email, when their profile has one, for the meeting link; nobody gets their own.
    const buddiesMet = intros.flatMap((i) => i.buddies);
    for (const b of buddiesMet) {
      const place = everyone.indexOf(b.userId);
      expect(b.email).toBe(place % 2 === 1 ? `person${place}@contoso.example` : undefined);
    }
    // The reason speaks in skill keys, as expert search keys them ("power bi" and "Power BI" meet).
    expect(skillKeyOf('power bi')).toBe(skillKeyOf('Power BI'));
    expect(intros.flatMap((i) => i.reason.teaches.map((t) => t.skill))).toContain(skillKeyOf('Power BI'));
  });

  it('the tenant pool: only people still in an installed team take part; their introductions name no team', async () => {
    const first = await seedBuddyTeam(storage.repos, 3);
    const second = await seedBuddyTeam(storage.repos, 2, first.tenantId);
    const buddies = service();
    for (const t of [first, second])
      for (const userId of [t.owner, ...t.members])
        await buddies.update({ tenantId: t.tenantId, userId }, t.teamId, { acrossOrganisation: true });
    const removed = await storage.repos.teams.get(second.tenantId, second.teamId);
    if (!removed) throw new Error('no team');
    await storage.repos.teams.upsert({ ...removed, uninstalledAt: new Date().toISOString() });
    const roundId = ownerRoundId(new Date(), 'org');
    const intros = await buddies.runRound({ tenantId: first.tenantId, poolId: ORGANISATION_POOL, roundId });
    expect(intros.map((i) => i.userId).sort()).toEqual([first.owner, ...first.members].sort());
    expect(intros.every((i) => i.teamName === undefined && i.poolId === ORGANISATION_POOL)).toBe(true);
    // A team's owner never sees the tenant pool's round as the team's.
    const latest = await buddies.latestRound({ tenantId: first.tenantId, userId: first.owner }, first.teamId);
    // No round of the team's own: the answer every team starts with.
    expect(latest).toEqual({ ok: true, value: undefined });
  });

  it('check-ins go to those who did not say "yes" or "we won\u2019t", with their answer so far', async () => {
    const team = await seedBuddyTeam(storage.repos, 4);
    const buddies = service();
    const everyone = [team.owner, ...team.members];
    for (const userId of everyone) await buddies.update({ tenantId: team.tenantId, userId }, team.teamId, { optIn: true });
    const job = { tenantId: team.tenantId, poolId: team.teamId, roundId: ownerRoundId(new Date(), 'check') };
    await buddies.runRound(job);
    const [a, b, c] = everyone;
    await buddies.answerMet({ tenantId: team.tenantId, userId: a ?? '' }, team.teamId, job.roundId, 'yes');
    await buddies.answerMet({ tenantId: team.tenantId, userId: b ?? '' }, team.teamId, job.roundId, 'wont');
    await buddies.answerMet({ tenantId: team.tenantId, userId: c ?? '' }, team.teamId, job.roundId, 'notYet');
    const asked = await buddies.checkIns(job);
    expect(asked.map((i) => [i.userId, i.myAnswer]).sort()).toEqual(
      [
        [c, 'notYet'],
        [everyone[3], undefined],
      ].sort(),
    );
  });

  it('a round row that was changed by hand is refused, not mapped', async () => {
    const tenantId = crypto.randomUUID();
    const key = buddyRoundKey(tenantId, 'pool', 'sched-x');
    await rawTable(storage.azurite.connectionString, TABLES.buddyRounds).createEntity({
      ...key,
      tenantId,
      poolId: 'pool',
      roundId: 'sched-x',
      trigger: 'schedule',
      startedAt: new Date().toISOString(),
      checkInAt: new Date().toISOString(),
      endsAt: new Date().toISOString(),
      seed: 1,
      listParts: 1,
      lists0: JSON.stringify({ pairs: [{ members: ['only-one'], reason: {} }], leftOver: [], skipped: [] }),
    });
    await expect(storage.repos.buddies.rounds.get(tenantId, 'pool', 'sched-x')).rejects.toThrow(MalformedRowError);
  });
});
