import { describe, expect, it } from '@jest/globals';
import { csvWords } from '../../bot/src/cards/insights/insights-csv-words';
import type { SessionFact } from '../../bot/src/domain/insights/insights';
import { createInsightsService } from '../../bot/src/domain/insights/insights-service';
import { periodOf, periodsBack } from '../../bot/src/domain/insights/periods';
import { insightsMetaKey, TABLES } from '../../bot/src/storage/shared/keys';
import { toEntity } from '../../bot/src/storage/shared/entity-schema';
import { ids, membership, profile, rawTable, team, tenant } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';

/**
 * A team that changes its time zone: its weeks and months were filed on the old clock. A session at
 * 00:30 on a Monday in Amsterdam is still Sunday evening in New York, so after the move it belongs
 * to the week before, and every month starts at New York's midnight.
 */
const storage = useTestStorage();
const AMS = 'Europe/Amsterdam';
const NYC = 'America/New_York';
const HOUR = 3600_000;

/** Monday 00:30 on Amsterdam's clock, some weeks back (so the week is whole and in the report's range). */
const monday = periodsBack(new Date(), 5, 'week', AMS).startsAt;
const early = new Date(monday.getTime() + 30 * 60_000).toISOString();
/** Wednesday noon of the same week: the same week on either clock. */
const midweek = new Date(monday.getTime() + 2 * 24 * HOUR + 12 * HOUR).toISOString();

function fact(tenantId: string, teamId: string, sessionId: string, startsAt: string): SessionFact {
  return {
    tenantId,
    teamId,
    sessionId,
    title: `Session ${sessionId}`,
    startsAt,
    skills: ['Kubernetes'],
    teacherIds: ['host'],
    attendeeIds: ['ann'],
    feedback: { answers: 1, ratingSum: 5, learnedYes: 1 },
    foldedAt: new Date().toISOString(),
  };
}

const weeksOf = async (tenantId: string, teamId: string) =>
  (await storage.repos.insights.listPeriods(tenantId, teamId, 'week', new Date(0).toISOString(), new Date().toISOString())).map(
    (w) => [w.period, w.sessionsHeld] as const,
  );

describe('insights after a team changes its time zone (Azurite)', () => {
  it('refile moves each session to its week and month on the new clock, and notes the zone', async () => {
    const [tenantId, teamId] = [ids.tenant(), ids.teamsThread()];
    const { insights } = storage.repos;
    await insights.saveFacts(tenantId, teamId, [fact(tenantId, teamId, 'early', early), fact(tenantId, teamId, 'mid', midweek)], AMS);
    await insights.claimBackfill(tenantId, teamId, new Date().toISOString(), AMS);
    const amsWeek = periodOf(new Date(early), 'week', AMS).key;
    const nycWeek = periodOf(new Date(early), 'week', NYC).key;
    expect(nycWeek).not.toBe(amsWeek);
    expect(await weeksOf(tenantId, teamId)).toEqual([[amsWeek, 2]]);

    await insights.refile(tenantId, teamId, NYC);
    expect(await weeksOf(tenantId, teamId)).toEqual([
      [nycWeek, 1],
      [amsWeek, 1],
    ]);
    const months = await insights.listPeriods(tenantId, teamId, 'month', new Date(0).toISOString(), new Date().toISOString());
    expect(months.map((m) => m.startsAt)).toEqual(
      [...new Set([early, midweek].map((at) => periodOf(new Date(at), 'month', NYC).startsAt.toISOString()))].sort(),
    );
    expect((await insights.getMeta(tenantId, teamId)).filedIn).toBe(NYC);

    // Back again: the rows are as they were first filed.
    await insights.refile(tenantId, teamId, AMS);
    expect(await weeksOf(tenantId, teamId)).toEqual([[amsWeek, 2]]);
  });

  it('the report files the rows again when the team’s zone differs, or when the zone they were filed in is unknown', async () => {
    const [tenantId, teamId] = [ids.tenant(), ids.teamsThread()];
    const owner = { tenantId, userId: 'owner-1' };
    const repos = storage.repos;
    await repos.tenants.upsert(tenant(tenantId));
    await repos.teams.upsert(team(tenantId, teamId, { timeZone: AMS }));
    await repos.members.put(profile(tenantId, owner.userId, { displayName: 'Owner' }));
    await repos.teams.addMembers([membership(tenantId, teamId, owner.userId, 'owner')]);
    await repos.insights.saveFacts(tenantId, teamId, [fact(tenantId, teamId, 'early', early)], AMS);
    await repos.insights.claimBackfill(tenantId, teamId, new Date().toISOString(), AMS);
    const service = createInsightsService({
      repositories: repos,
      outbox: { enqueue: () => Promise.reject(new Error('no backfill expected')) },
      words: csvWords,
      now: () => new Date(),
    });
    const heldWeeks = async (timeZone: string) => {
      const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);
      const query = { from: day(new Date(monday.getTime() - 14 * 24 * HOUR)), to: day(new Date()), granularity: 'week' };
      const answer = await service.report(owner, teamId, query);
      if (!answer.ok) throw new Error(`report refused: ${JSON.stringify(answer.failure)}`);
      return answer.value.participation.points.filter((p) => p.sessionsHeld > 0).map((p) => p.period);
    };
    expect(await heldWeeks(AMS)).toEqual([periodOf(new Date(early), 'week', AMS).key]);

    await repos.teams.upsert(team(tenantId, teamId, { timeZone: NYC }));
    expect(await heldWeeks(NYC)).toEqual([periodOf(new Date(early), 'week', NYC).key]);

    // Rows filed before the zone was noted (a bookkeeping row without it) are filed again once.
    await rawTable(storage.azurite.connectionString, TABLES.insights).upsertEntity(
      toEntity(insightsMetaKey(tenantId, teamId, 'backfill'), { backfilledAt: new Date().toISOString() }),
      'Replace',
    );
    await repos.insights.saveFact(tenantId, teamId, 'early', fact(tenantId, teamId, 'early', early), AMS);
    expect(await heldWeeks(NYC)).toEqual([periodOf(new Date(early), 'week', NYC).key]);
    expect((await repos.insights.getMeta(tenantId, teamId)).filedIn).toBe(NYC);
  });
});
