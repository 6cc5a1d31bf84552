import { describe, expect, it } from '@jest/globals';
import type { SessionFact } from '../../bot/src/domain/insights/insights';
import { createKudosService } from '../../bot/src/domain/kudos/kudos-service';
import { createMilestoneService } from '../../bot/src/domain/milestones/milestone-service';
import type { MilestoneTrigger } from '../../bot/src/domain/milestones/milestone-service';
import { TABLES } from '../../bot/src/storage/shared/keys';
import type { StorageCall } from '../support/storage-calls';
import { useStorageCalls } from '../support/storage-calls';
import { useTestStorage } from '../support/test-storage';
import { ids, membership, profile, team, tenant } from '../support/storage/fixtures';

/**
 * What the milestone check reads (issue #12). A held session is folded once when it ends and again
 * after each feedback answer; a kudos is checked once. The check must not read the team's history
 * (every session fact, every kudos) each time: it keeps, per person and team, the first events it
 * counted, and reads the history only the first time it meets a person in a team.
 */
const storage = useTestStorage();
const counted = useStorageCalls();
const DAY = 86_400_000;
const TZ = 'Europe/Amsterdam';
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY).toISOString();
const HISTORY = 40;

const historyReads = (calls: readonly StorageCall[]) =>
  calls.filter((c) => c.method === 'GET' && (c.table === TABLES.insightFacts || c.table === TABLES.kudos) && c.filter.includes(' ge '));
const kudosListings = (calls: readonly StorageCall[]) => calls.filter((c) => c.table === TABLES.kudos && c.filter !== '');

async function teamWithHistory() {
  const tenantId = ids.tenant();
  const teamId = ids.teamsThread();
  const people = Array.from({ length: 6 }, () => ids.user());
  const { repos } = storage;
  await repos.tenants.upsert(tenant(tenantId));
  await repos.teams.upsert(team(tenantId, teamId, { locale: 'en-US' }));
  await repos.teams.addMembers(people.map((userId) => membership(tenantId, teamId, userId)));
  await repos.members.putMany(people.map((userId, i) => profile(tenantId, userId, { displayName: `Person ${i}` })));
  const fact = (n: number, at: string): SessionFact => ({
    tenantId,
    teamId,
    sessionId: `s${n}`,
    title: `Session ${n}`,
    startsAt: at,
    skills: [],
    teacherIds: [people[n % 2] ?? ''],
    attendeeIds: people.slice(2),
    feedback: { answers: 0, ratingSum: 0, learnedYes: 0 },
    foldedAt: now.toISOString(),
  });
  // A long history the milestone check has already seen (its first fold counted it).
  await repos.insights.saveFacts(
    tenantId,
    teamId,
    Array.from({ length: HISTORY }, (_, i) => fact(i + 1, daysAgo(200 - i))),
    TZ,
  );
  return { tenantId, teamId, people, fact };
}

const service = () => createMilestoneService({ repositories: storage.repos, now: () => now });

describe('the milestone check reads what it needs', () => {
  it('a session folded again after each feedback answer reads no history, and few rows', async () => {
    const where = await teamWithHistory();
    const { tenantId, teamId } = where;
    // The check has met everyone here before (both teachers, the attendees): their tallies exist.
    for (const n of [HISTORY - 1, HISTORY]) await service().celebrate({ tenantId, teamId, source: 'session', sessionId: `s${n}` });
    const held = where.fact(HISTORY + 1, daysAgo(1));
    await storage.repos.insights.saveFact(tenantId, teamId, held.sessionId, held, TZ);
    const trigger: MilestoneTrigger = { tenantId, teamId, source: 'session', sessionId: held.sessionId };
    const end = await counted(() => service().celebrate(trigger));
    // Feedback answers: the same session folded again, its people unchanged.
    const feedback = await counted(() => service().celebrate(trigger));
    process.stdout.write(
      `milestone check, ${HISTORY} sessions of history, 5 people: at the end ${end.calls.length} storage calls, ` +
        `per feedback fold ${feedback.calls.length}, of which history listings ${historyReads(feedback.calls).length}\n`,
    );
    expect(historyReads(end.calls)).toEqual([]);
    expect(historyReads(feedback.calls)).toEqual([]);
    // The team, the session's fact (pointer and row), the people's tallies (one query per role); no writes.
    expect(feedback.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(feedback.calls.length).toBeLessThanOrEqual(5);
  });

  it('a kudos is counted without listing the team’s kudos', async () => {
    const where = await teamWithHistory();
    const [giver, star] = where.people;
    const kudos = createKudosService({ repositories: storage.repos, outbox: { enqueue: async () => undefined }, now: () => now });
    const give = async (): Promise<MilestoneTrigger> => {
      const given = await kudos.give({ tenantId: where.tenantId, userId: giver ?? '' }, where.teamId, star ?? '', 'Thanks!');
      if (!given.ok) throw new Error('kudos refused');
      return { tenantId: where.tenantId, teamId: where.teamId, source: 'kudos', kudosId: given.value.kudosId };
    };
    for (let i = 0; i < 5; i += 1) await service().celebrate(await give());
    const next = await give();
    const { calls } = await counted(() => service().celebrate(next));
    process.stdout.write(
      `milestone check of the 6th kudos: ${calls.length} storage calls, of which listings of the team's kudos ${kudosListings(calls).length}\n`,
    );
    expect(kudosListings(calls)).toEqual([]);
    // Her tally is listed once and changed under the ETag it was listed with: no point read of it again.
    const pointReads = calls.filter((c) => c.method === 'GET' && c.table === TABLES.milestones && c.filter === '');
    expect(pointReads).toEqual([]);
    expect(calls.filter((c) => c.table === TABLES.milestones).map((c) => c.method)).toEqual(['GET', 'PUT']);
  });
});

describe('the milestone check of a big session', () => {
  it('lists the tallies of 24 people with no filter over 15 comparisons (the Table service limit), and finds them all', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const people = Array.from({ length: 24 }, () => ids.user());
    const { repos } = storage;
    await repos.tenants.upsert(tenant(tenantId));
    await repos.teams.upsert(team(tenantId, teamId, { locale: 'en-US' }));
    await repos.teams.addMembers(people.map((userId) => membership(tenantId, teamId, userId)));
    const held: SessionFact = {
      tenantId,
      teamId,
      sessionId: 'big',
      title: 'Big session',
      startsAt: daysAgo(1),
      skills: [],
      teacherIds: people.slice(0, 1),
      attendeeIds: people.slice(1),
      feedback: { answers: 0, ratingSum: 0, learnedYes: 0 },
      foldedAt: now.toISOString(),
    };
    await repos.insights.saveFact(tenantId, teamId, held.sessionId, held, TZ);
    const trigger: MilestoneTrigger = { tenantId, teamId, source: 'session', sessionId: held.sessionId };
    const first = await counted(() => service().celebrate(trigger));
    // Folded again: every tally is listed and none is written again.
    const again = await counted(() => service().celebrate(trigger));
    const comparisons = [...first.calls, ...again.calls]
      .filter((c) => c.filter !== '')
      .map((c) => c.filter.split(/ (?:eq|ne|gt|ge|lt|le) /).length - 1);
    expect(comparisons.length).toBeGreaterThan(0);
    expect(Math.max(...comparisons)).toBeLessThanOrEqual(15);
    expect(again.calls.filter((c) => c.table === TABLES.milestones && c.method !== 'GET')).toEqual([]);
  });
});
