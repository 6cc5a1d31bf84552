import { describe, expect, it } from '@jest/globals';
import type { OutboxJob } from '../../bot/src/domain/delivery/outbox';
import { createGoalService } from '../../bot/src/domain/insights/goal-service';
import { createPulseService } from '../../bot/src/domain/insights/pulse-service';
import { FORMER_COLLEAGUE_ID } from '../../bot/src/domain/shared/person';
import { composePulseJob, pulseMessageKey } from '../../bot/src/jobs/insights/compose-pulse-job';
import { TABLES, pulsesPartition } from '../../bot/src/storage/shared/keys';
import { pulsesRule } from '../../bot/src/storage/privacy/goal-pulse-rules';
import { StorageTable } from '../../bot/src/storage/shared/storage-table';
import { ids, membership, rawTable, team, tenant } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';

const storage = useTestStorage();
const NOW = new Date();
const jobs: { job: OutboxJob; notBefore?: Date }[] = [];
const outbox = { enqueue: (job: OutboxJob, options?: { notBefore?: Date }) => Promise.resolve(void jobs.push({ job, ...options })) };
const SECRET = 's'.repeat(40);

async function setUp(memberCount: number) {
  const tenantId = ids.tenant();
  const teamId = ids.teamsThread();
  const owner = ids.user();
  const people = Array.from({ length: memberCount }, () => ids.user());
  await storage.repos.tenants.upsert(tenant(tenantId));
  await storage.repos.teams.upsert(team(tenantId, teamId));
  await storage.repos.teams.addMembers([
    membership(tenantId, teamId, owner, 'owner'),
    ...people.map((p) => membership(tenantId, teamId, p)),
  ]);
  const pulses = createPulseService({ repositories: storage.repos, outbox, secret: SECRET, now: () => NOW });
  const posted = await pulses.post({ tenantId, userId: owner }, teamId, {});
  if (!posted.ok) throw new Error(JSON.stringify(posted.failure));
  return { tenantId, teamId, owner, people, pulses, pulseId: posted.value.pulseId };
}

const scores = { learnedFromColleague: 4, timeToLearn: 2, wouldRecommend: 5 };

describe('pulse storage: anonymous answers, one per person (plPulses)', () => {
  it('two answers of one person at once: one is counted, the other refused', async () => {
    const { tenantId, teamId, people, pulses, pulseId } = await setUp(1);
    const me = { tenantId, userId: people[0] as string };
    const outcomes = await Promise.all([pulses.answer(me, teamId, pulseId, scores), pulses.answer(me, teamId, pulseId, scores)]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.failure.kind)).toEqual(['alreadyAnswered']);
    const again = await pulses.answer(me, teamId, pulseId, { ...scores, timeToLearn: 5 });
    expect(again.ok ? 'ok' : again.failure.kind).toBe('alreadyAnswered');
    const stored = await storage.repos.pulses.get(tenantId, teamId, pulseId);
    expect(stored?.responses).toBe(1);
    expect(stored?.counts.timeToLearn).toEqual([0, 1, 0, 0, 0]);
  });

  it('twelve people at once: every answer counted (no lost update), results from five on', async () => {
    const { tenantId, teamId, people, pulses, pulseId } = await setUp(12);
    jobs.length = 0;
    const outcomes = await Promise.all(
      people.map((userId, i) => pulses.answer({ tenantId, userId }, teamId, pulseId, { ...scores, learnedFromColleague: (i % 5) + 1 })),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const latest = await pulses.latest({ tenantId, userId: people[0] as string }, teamId);
    expect(latest.ok && latest.value?.responses).toBe(12);
    // Scores 1,2,3,4,5,1,2,3,4,5,1,2: counts 3,3,2,2,2.
    expect(latest.ok && latest.value?.questions?.[0]?.counts).toEqual([3, 3, 2, 2, 2]);
    // One card update for the burst, a few seconds later, not twelve.
    expect(jobs.filter((j) => j.job.kind === 'postPulse' && j.job.mode === 'update')).toHaveLength(1);
    expect(jobs[0]?.notBefore?.getTime()).toBeGreaterThan(NOW.getTime());
  });

  it('no stored row names a person who answered, in any property or key', async () => {
    const { tenantId, teamId, people, pulses, pulseId, owner } = await setUp(3);
    for (const userId of people) await pulses.answer({ tenantId, userId }, teamId, pulseId, scores);
    const raw = rawTable(storage.azurite.connectionString, TABLES.pulses);
    const rows: Record<string, unknown>[] = [];
    for await (const row of raw.listEntities({ queryOptions: { filter: `PartitionKey eq '${pulsesPartition(tenantId, teamId)}'` } })) {
      rows.push(row);
    }
    expect(rows).toHaveLength(4);
    const text = JSON.stringify(rows);
    for (const userId of people) expect(text).not.toContain(userId);
    // The pulse row names who posted it (that is an owner's act, exported and erased as theirs).
    expect(text).toContain(owner);
  });

  it('a closed pulse takes no answer; an unknown one is notFound', async () => {
    const { tenantId, teamId, people, pulseId } = await setUp(1);
    const later = createPulseService({
      repositories: storage.repos,
      outbox,
      secret: SECRET,
      now: () => new Date(NOW.getTime() + 15 * 86_400_000),
    });
    const me = { tenantId, userId: people[0] as string };
    const closed = await later.answer(me, teamId, pulseId, scores);
    expect(closed.ok ? 'ok' : closed.failure.kind).toBe('pulseClosed');
    const unknown = await later.answer(me, teamId, 'nope', scores);
    expect(unknown.ok ? 'ok' : unknown.failure.kind).toBe('notFound');
  });

  it('the postPulse job posts the card to the General channel and updates it under the same key', async () => {
    const { tenantId, teamId, people, pulses, pulseId } = await setUp(1);
    const posted = await composePulseJob({ pulses }, { kind: 'postPulse', tenantId, teamId, pulseId, mode: 'post' });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      key: pulseMessageKey(tenantId, pulseId),
      mode: 'post',
      target: { kind: 'channel', tenantId, teamId, channelId: teamId },
    });
    expect(JSON.stringify(posted[0]?.card)).toContain('pulseAnswer');
    await pulses.answer({ tenantId, userId: people[0] as string }, teamId, pulseId, scores);
    const updated = await composePulseJob({ pulses }, { kind: 'postPulse', tenantId, teamId, pulseId, mode: 'update' });
    expect(updated[0]?.key).toBe(posted[0]?.key);
    expect(updated[0]?.mode).toBe('update');
    // The team is Dutch (fixtures): the live count in Dutch.
    expect(JSON.stringify(updated[0]?.card)).toContain('1 collega heeft al geantwoord.');
    expect(await composePulseJob({ pulses }, { kind: 'postPulse', tenantId, teamId, pulseId: 'gone', mode: 'update' })).toEqual([]);
  });

  it('privacy: the poster’s export shows their pulse; erase puts the former colleague there and keeps the counts', async () => {
    const { tenantId, teamId, owner, people, pulses, pulseId } = await setUp(1);
    await pulses.answer({ tenantId, userId: people[0] as string }, teamId, pulseId, scores);
    const table = new StorageTable(TABLES.pulses, rawTable(storage.azurite.connectionString, TABLES.pulses));
    const who = (userId: string) => ({ person: { tenantId, userId }, displayName: '', email: '', conversationId: '' });
    expect(await pulsesRule.find(table, who(people[0] as string))).toEqual([]);
    const found = await pulsesRule.find(table, who(owner));
    expect(found.map((r) => r['pulseId'])).toEqual([pulseId]);
    const erased = await pulsesRule.erase(table, found, { ...who(owner), contributions: 'anonymise', changedPeople: new Set() });
    expect(erased).toEqual({ removed: 0, anonymised: 1 });
    const after = await storage.repos.pulses.get(tenantId, teamId, pulseId);
    expect(after).toMatchObject({ postedBy: FORMER_COLLEAGUE_ID, responses: 1 });
    expect(await pulsesRule.find(table, who(owner))).toEqual([]);
  });
});

describe('goal storage (plTeamGoals)', () => {
  it('owners replace the list; ids are kept for goals that carry theirs; members read with canEdit false', async () => {
    const { tenantId, teamId, owner, people } = await setUp(1);
    const goals = createGoalService({ repositories: storage.repos, periods: { listPeriods: () => Promise.resolve([]) }, now: () => NOW });
    const first = await goals.replace({ tenantId, userId: owner }, teamId, { goals: [{ kind: 'sessions', target: 2, period: 'month' }] });
    if (!first.ok) throw new Error(JSON.stringify(first.failure));
    const id = first.value.goals[0]?.goal.goalId;
    const second = await goals.replace({ tenantId, userId: owner }, teamId, {
      goals: [
        { goalId: id, kind: 'sessions', target: 3, period: 'month' },
        { goalId: 'made-up', kind: 'participation', target: 80, period: 'quarter' },
      ],
    });
    if (!second.ok) throw new Error(JSON.stringify(second.failure));
    expect(second.value.goals[0]?.goal).toEqual({ goalId: id, kind: 'sessions', target: 3, period: 'month' });
    expect(second.value.goals[1]?.goal.goalId).not.toBe('made-up');
    const read = await goals.list({ tenantId, userId: people[0] as string }, teamId);
    expect(read.ok && read.value.canEdit).toBe(false);
    expect(read.ok && read.value.goals.map((g) => g.target)).toEqual([3, 80]);
    const refused = await goals.replace({ tenantId, userId: people[0] as string }, teamId, { goals: [] });
    expect(refused.ok ? 'ok' : refused.failure.kind).toBe('ownersOnly');
  });
});
