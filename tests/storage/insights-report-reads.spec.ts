import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { csvWords } from '../../bot/src/cards/insights/insights-csv-words';
import type { SessionFact } from '../../bot/src/domain/insights/insights';
import type { InsightsReport } from '../../bot/src/domain/insights/insights-report';
import { createInsightsService } from '../../bot/src/domain/insights/insights-service';
import type { InsightsCore } from '../../bot/src/domain/insights/insights-service';
import { periodsBack } from '../../bot/src/domain/insights/periods';
import type { PersonRef } from '../../bot/src/domain/shared/person';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import { TABLES } from '../../bot/src/storage/shared/keys';
import { ids, membership, profile, team, tenant } from '../support/storage/fixtures';
import { storagePathOf } from '../support/storage-requests';
import { useTestStorage } from '../support/test-storage';

/**
 * What one insights report costs in storage calls, counted on the wire (every HTTP request this
 * process makes to Azurite; nothing else runs here): the skills matrix must not read a profile per
 * member on every report, and the period rows must not be read and parsed again when they did not
 * change. Each figure is also checked against a service that holds nothing, so no shortcut changes a result.
 */
const storage = useTestStorage();
const TZ = 'Europe/Amsterdam';
const DAY = 86_400_000;
const MEMBERS = 12;

let calls: string[] = [];
const onRequest = (message: unknown) => {
  const { request } = message as { request: ClientRequest };
  const path = storagePathOf(request.path);
  if (path !== undefined) calls.push(`${request.method} ${decodeURIComponent(path)}`);
};
beforeAll(() => {
  subscribe('http.client.request.start', onRequest);
});
afterAll(() => {
  unsubscribe('http.client.request.start', onRequest);
});

/** The storage calls `work` makes, and what it answers. */
async function counted<T>(work: () => Promise<T>): Promise<{ value: T; calls: string[] }> {
  calls = [];
  const value = await work();
  return { value, calls: [...calls] };
}
const profileReads = (seen: readonly string[]) => seen.filter((c) => c.startsWith(`GET /${TABLES.profiles}(`)).length;
const periodQueries = (seen: readonly string[]) =>
  seen.filter((c) => c.startsWith(`GET /${TABLES.insights}()`) && !c.includes('$select')).length;
/** Point reads of period rows (their RowKeys start with the granularity; the bookkeeping rows with `meta`). */
const periodPointReads = (seen: readonly string[]) =>
  seen.filter((c) => new RegExp(`^GET /${TABLES.insights}\\(PartitionKey='[^']*',RowKey='(week|month)\\|`).test(c)).length;

describe('insights report: storage calls per report (Azurite)', () => {
  const [tenantId, teamId] = [ids.tenant(), ids.teamsThread()];
  const userIds = Array.from({ length: MEMBERS + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const owner: PersonRef = { tenantId, userId: userIds[0] ?? '' };
  const month = periodsBack(new Date(), 2, 'month', TZ);
  const fact = (n: number): SessionFact => ({
    tenantId,
    teamId,
    sessionId: `s${n}`,
    title: `Session ${n}`,
    startsAt: new Date(month.startsAt.getTime() + (n % 20) * DAY + 10 * 3600_000).toISOString(),
    skills: ['Kubernetes'],
    teacherIds: [userIds[n % MEMBERS] ?? ''],
    attendeeIds: [userIds[(n + 1) % MEMBERS] ?? '', userIds[(n + 2) % MEMBERS] ?? ''],
    feedback: { answers: 1, ratingSum: 4, learnedYes: 1 },
    foldedAt: new Date().toISOString(),
  });
  const query = () => {
    const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(d);
    return { from: day(new Date(Date.now() - 120 * DAY)), to: day(new Date()), granularity: 'week' };
  };
  let service: InsightsCore;
  /** A service that holds nothing between reports: what every report must equal. */
  const truth = () =>
    createInsightsService({
      repositories: storage.repos,
      outbox: { enqueue: () => Promise.reject(new Error('no backfill expected')) },
      words: csvWords,
      now: () => new Date(),
    });
  const report = async (of: Pick<InsightsCore, 'report'>): Promise<InsightsReport> => {
    const answer = await of.report(owner, teamId, query());
    if (!answer.ok) throw new Error(`report refused: ${JSON.stringify(answer.failure)}`);
    return answer.value;
  };
  /** The report as the cached service gives it, its calls, and the check that it equals a fresh read. */
  const measured = async () => {
    const { value, calls: seen } = await counted(() => report(service));
    expect(value).toEqual(await report(truth()));
    return { value, calls: seen };
  };

  beforeAll(async () => {
    const { repos } = storage;
    await repos.tenants.upsert(tenant(tenantId));
    await repos.teams.upsert(team(tenantId, teamId, { timeZone: TZ }));
    await repos.members.putMany(
      userIds
        .slice(0, MEMBERS)
        .map((userId, i) =>
          profile(tenantId, userId, { displayName: `Person ${i}`, teaches: i % 3 === 0 ? [{ name: 'Kubernetes', level: 2 }] : [] }),
        ),
    );
    await repos.teams.addMembers(userIds.slice(0, MEMBERS).map((u, i) => membership(tenantId, teamId, u, i === 0 ? 'owner' : 'member')));
    await repos.insights.saveFacts(tenantId, teamId, [1, 2, 3, 4, 5, 6].map(fact), TZ);
    await repos.insights.claimBackfill(tenantId, teamId, new Date().toISOString(), TZ);
    const changes = createStorage({ connectionString: storage.azurite.connectionString }).experts.changes;
    service = createInsightsService({
      repositories: storage.repos,
      outbox: { enqueue: () => Promise.reject(new Error('no backfill expected')) },
      words: csvWords,
      now: () => new Date(),
      profileChanges: changes,
    });
  });

  it('reads each profile once, then none while nothing changed', async () => {
    const first = await measured();
    expect(profileReads(first.calls)).toBe(MEMBERS);
    expect(first.value.skills.people).toHaveLength(MEMBERS);
    const second = await measured();
    expect(profileReads(second.calls)).toBe(0);
    expect(periodQueries(second.calls)).toBe(0);
    expect(periodPointReads(second.calls)).toBe(0);
    // Team, standing, meta (fold, backfill), the periods' ETags (weeks, months, the quiet list's weeks), roster,
    // profile feed, the team's nudges (one query for every quiet member).
    expect(second.calls).toHaveLength(10);
  });

  it('re-reads only the profile that changed, and shows the change at once', async () => {
    const changed = userIds[4] ?? '';
    await storage.repos.members.update(tenantId, changed, (p) => p && { ...p, teaches: [{ name: 'Go', level: 3 }] });
    const { value, calls: seen } = await measured();
    expect(profileReads(seen)).toBe(1);
    expect(value.skills.skills).toContain('Go');
  });

  it('reads a new member’s profile only', async () => {
    const newcomer = userIds[MEMBERS] ?? '';
    await storage.repos.members.put(profile(tenantId, newcomer, { displayName: 'Newcomer', teaches: [{ name: 'Rust', level: 1 }] }));
    await storage.repos.teams.addMembers([membership(tenantId, teamId, newcomer)]);
    const { value, calls: seen } = await measured();
    expect(profileReads(seen)).toBe(1);
    expect(value.skills.people).toHaveLength(MEMBERS + 1);
  });

  it('after a fold, reads the changed week and month rows, not the whole range', async () => {
    const before = await report(service);
    await storage.repos.insights.saveFact(tenantId, teamId, 's7', fact(7), TZ);
    const { value, calls: seen } = await measured();
    expect(value.participation.totals.sessionsHeld).toBe(before.participation.totals.sessionsHeld + 1);
    expect(periodQueries(seen)).toBe(0);
    expect(periodPointReads(seen)).toBeGreaterThan(0);
    expect(periodPointReads(seen)).toBeLessThanOrEqual(4);
  });
});
