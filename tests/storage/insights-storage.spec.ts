import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { SessionFact } from '../../bot/src/domain/insights/insights';
import { periodOf } from '../../bot/src/domain/insights/periods';
import { insightsFactsPartition, TABLES } from '../../bot/src/storage/shared/keys';
import { StorageTable } from '../../bot/src/storage/shared/storage-table';
import { PRIVACY_RULES } from '../../bot/src/storage/privacy/privacy-rules';
import { plain } from '../../bot/src/storage/privacy/privacy-rule';
import { ids, rawTable } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';

const storage = useTestStorage();
const TZ = 'Europe/Amsterdam';
const DAY = 86_400_000;

/** A month well in the past, whole on the team clock, and an instant `hours` into it. */
const month = periodOf(new Date(Date.now() - 90 * DAY), 'month', TZ);
const inMonth = (hours: number): string => new Date(month.startsAt.getTime() + hours * 3600_000).toISOString();

function fact(tenantId: string, teamId: string, sessionId: string, startsAt: string, over: Partial<SessionFact> = {}): SessionFact {
  return {
    tenantId,
    teamId,
    sessionId,
    title: `Session ${sessionId}`,
    startsAt,
    skills: ['Kubernetes'],
    teacherIds: ['host'],
    attendeeIds: ['ann', 'bob'],
    feedback: { answers: 2, ratingSum: 9, learnedYes: 1 },
    foldedAt: new Date().toISOString(),
    ...over,
  };
}

const list = (tenantId: string, teamId: string, granularity: 'week' | 'month') =>
  storage.repos.insights.listPeriods(tenantId, teamId, granularity, new Date(0).toISOString(), new Date(Date.now() + DAY).toISOString());

describe('plInsights (Azurite)', () => {
  it('saveFact rebuilds the week and the month from their facts', async () => {
    const [tenantId, teamId] = [ids.tenant(), ids.teamsThread()];
    const { insights } = storage.repos;
    await insights.saveFact(tenantId, teamId, 's1', fact(tenantId, teamId, 's1', inMonth(10)), TZ);
    await insights.saveFact(tenantId, teamId, 's2', fact(tenantId, teamId, 's2', inMonth(24 * 10), { attendeeIds: ['bob', 'cas'] }), TZ);
    const [m] = await list(tenantId, teamId, 'month');
    expect(m).toMatchObject({
      period: month.key,
      startsAt: month.startsAt.toISOString(),
      sessionsHeld: 2,
      attendances: 4,
      learnerIds: ['ann', 'bob', 'cas'],
      teacherIds: ['host'],
      feedback: { answers: 4, ratingSum: 18, learnedYes: 2 },
      bySkill: { Kubernetes: { answers: 4, ratingSum: 18, learnedYes: 2, sessions: 2 } },
    });
    expect((await list(tenantId, teamId, 'week')).map((w) => w.sessionsHeld)).toEqual([1, 1]);
    expect(await insights.getFact(tenantId, teamId, 's2')).toEqual(
      fact(tenantId, teamId, 's2', inMonth(24 * 10), {
        attendeeIds: ['bob', 'cas'],
        foldedAt: (await insights.getFact(tenantId, teamId, 's2'))?.foldedAt ?? '',
      }),
    );
    expect((await insights.getMeta(tenantId, teamId)).lastFoldAt).toBeDefined();
  });

  it('eight folds at once in one month lose nothing (ETags on the period rows)', async () => {
    const [tenantId, teamId] = [ids.tenant(), ids.teamsThread()];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        storage.repos.insights.saveFact(
          tenantId,
          teamId,
          `s${i}`,
          fact(tenantId, teamId, `s${i}`, inMonth(i), { attendeeIds: [`p${i}`] }),
          TZ,
        ),
      ),
    );
    const [m] = await list(tenantId, teamId, 'month');
    expect(m?.sessionsHeld).toBe(8);
    expect(m?.learnerIds).toHaveLength(8);
  });

  it('a moved start leaves no old fact or period; a removed fact empties its periods', async () => {
    const [tenantId, teamId] = [ids.tenant(), ids.teamsThread()];
    const { insights } = storage.repos;
    await insights.saveFact(tenantId, teamId, 's1', fact(tenantId, teamId, 's1', inMonth(5)), TZ);
    const later = new Date(month.endsAt.getTime() + 3 * DAY).toISOString();
    await insights.saveFact(tenantId, teamId, 's1', fact(tenantId, teamId, 's1', later), TZ);
    const months = await list(tenantId, teamId, 'month');
    expect(months.map((m) => m.period)).toEqual([periodOf(new Date(later), 'month', TZ).key]);
    const raw = rawTable(storage.azurite.connectionString, TABLES.insightFacts);
    const factRows = [];
    const filter = odata`PartitionKey eq ${insightsFactsPartition(tenantId, teamId)} and RowKey ge 'fact|' and RowKey lt 'fact}'`;
    for await (const row of raw.listEntities({ queryOptions: { filter } })) factRows.push(row.rowKey);
    expect(factRows).toHaveLength(1);
    expect(factRows[0]).toContain(later);
    await insights.saveFact(tenantId, teamId, 's1', undefined, TZ);
    expect(await list(tenantId, teamId, 'month')).toEqual([]);
    expect(await insights.getFact(tenantId, teamId, 's1')).toBeUndefined();
  });

  it('a team of 2,000 fits: id sets are split over properties and read back whole', async () => {
    const [tenantId, teamId] = [ids.tenant(), ids.teamsThread()];
    const people = Array.from({ length: 2000 }, () => randomUUID());
    await storage.repos.insights.saveFact(tenantId, teamId, 'big', fact(tenantId, teamId, 'big', inMonth(3), { attendeeIds: people }), TZ);
    expect((await storage.repos.insights.getFact(tenantId, teamId, 'big'))?.attendeeIds).toEqual(people);
    const [m] = await list(tenantId, teamId, 'month');
    expect(m?.learnerIds).toEqual([...people].sort());
  });

  it('privacy: export shows only that the person is in a row; erase puts one anonymous token everywhere, counts kept', async () => {
    const [tenantId, teamId] = [ids.tenant(), ids.teamsThread()];
    const { insights } = storage.repos;
    const ann = ids.user();
    await insights.saveFact(tenantId, teamId, 's1', fact(tenantId, teamId, 's1', inMonth(1), { attendeeIds: [ann, 'bob'] }), TZ);
    await insights.saveFact(
      tenantId,
      teamId,
      's2',
      fact(tenantId, teamId, 's2', inMonth(200), { teacherIds: [ann], attendeeIds: ['bob'] }),
      TZ,
    );
    const tableOf = (name: string) => new StorageTable(name, rawTable(storage.azurite.connectionString, name));
    const [periods, facts] = [tableOf(TABLES.insights), tableOf(TABLES.insightFacts)];
    const who = { person: { tenantId, userId: ann }, displayName: 'Ann', email: '', conversationId: '' };
    const foundPeriods = await PRIVACY_RULES.insights.find(periods, who);
    const foundFacts = await PRIVACY_RULES.insightFacts.find(facts, who);
    // Two facts; their weeks (two) and the month.
    expect([foundFacts.length, foundPeriods.length]).toEqual([2, 3]);
    const exported = JSON.stringify([...foundFacts, ...foundPeriods].map(plain));
    expect(exported).not.toContain('bob');
    expect(exported).not.toContain(ann);
    expect([...foundFacts, ...foundPeriods].map(plain).filter((r) => r['youAreIn_teacherIds'] === true)).toHaveLength(3);
    // One erase: the store hands both rules the same context.
    const context = { ...who, contributions: 'anonymise' as const, changedPeople: new Set<string>() };
    expect(await PRIVACY_RULES.insights.erase(periods, foundPeriods, context)).toEqual({ removed: 0, anonymised: 3 });
    expect(await PRIVACY_RULES.insightFacts.erase(facts, foundFacts, context)).toEqual({ removed: 0, anonymised: 2 });
    expect(await PRIVACY_RULES.insights.find(periods, who)).toEqual([]);
    expect(await PRIVACY_RULES.insightFacts.find(facts, who)).toEqual([]);
    const [m] = await list(tenantId, teamId, 'month');
    expect(m?.learnerIds).toHaveLength(2);
    expect(m?.teacherIds).toHaveLength(2);
    const token = m?.learnerIds.find((id) => id !== 'bob');
    expect(token).toMatch(/^~erased-/);
    expect(m?.teacherIds).toContain(token);
    expect((await insights.getFact(tenantId, teamId, 's2'))?.teacherIds).toEqual([token]);
    // A later fold in that month rebuilds it from the facts: the same token, still one person.
    await insights.saveFact(tenantId, teamId, 's3', fact(tenantId, teamId, 's3', inMonth(300), { attendeeIds: ['bob'] }), TZ);
    const [rebuilt] = await list(tenantId, teamId, 'month');
    expect([rebuilt?.sessionsHeld, rebuilt?.learnerIds]).toEqual([3, [token, 'bob'].sort()]);
  });
});
