import { describe, expect, it } from '@jest/globals';
import { newLearningRequest } from '../../bot/src/domain/requests/learning-request';
import type { LearningRequest } from '../../bot/src/domain/requests/learning-request';
import { NotFoundError } from '../../bot/src/domain/shared/repositories';
import { DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../bot/src/domain/demo/demo-team';
import { seedDemoIfEmpty } from '../../bot/src/domain/demo/seed-demo';
import { learningRequestKey, learningRequestsPartition, TABLES } from '../../bot/src/storage/shared/keys';
import { MalformedRowError } from '../../bot/src/storage/shared/storage-errors';
import { ids, rawTable } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';

const storage = useTestStorage();
const at = new Date('2026-11-27T12:00:00.000Z');

function request(tenantId: string, teamId: string, skill: string, authorUserId = 'author', note?: string): LearningRequest {
  return newLearningRequest({ tenantId, teamId, requestId: `r-${ids.user()}`, authorUserId }, note ? { skill, note } : { skill }, at);
}

const newTeam = () => ({ tenantId: ids.tenant(), teamId: ids.teamsThread() });

describe('learning requests in storage', () => {
  it('create stores the request with its author as the first vote, and reads back what was written', async () => {
    const { tenantId, teamId } = newTeam();
    const r = request(tenantId, teamId, 'TypeScript', 'anna', 'Generics, "quotes" and 😀');
    const outcome = await storage.repos.learningRequests.create(r);
    expect(outcome).toEqual({ created: true, request: { ...r, votes: 1 } });
    expect(await storage.repos.learningRequests.get(tenantId, teamId, r.requestId)).toEqual({ ...r, votes: 1 });
    expect(await storage.repos.learningRequests.hasVoted(tenantId, teamId, r.requestId, 'anna')).toBe(true);
    const team = await storage.repos.learningRequests.listForTeam(tenantId, teamId);
    expect(team.requests).toEqual([{ ...r, votes: 1 }]);
    expect(team.votes.map((v) => v.userId)).toEqual(['anna']);
  });

  it('a second open request for the same skill is not created: the existing one comes back, also when 10 ask at once', async () => {
    const { tenantId, teamId } = newTeam();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => storage.repos.learningRequests.create(request(tenantId, teamId, 'Kusto', `person-${i}`))),
    );
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    const winner = outcomes.find((o) => o.created)?.request.requestId;
    expect(new Set(outcomes.map((o) => o.request.requestId))).toEqual(new Set([winner]));
    const team = await storage.repos.learningRequests.listForTeam(tenantId, teamId);
    expect(team.requests).toHaveLength(1);
    expect(team.votes).toHaveLength(1);
  });

  it('20 different people +1 at once: exactly 20 more; the same person twice counts once; un-vote moves back', async () => {
    const { tenantId, teamId } = newTeam();
    const r = request(tenantId, teamId, 'SQL');
    await storage.repos.learningRequests.create(r);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => storage.repos.learningRequests.vote(tenantId, teamId, r.requestId, `voter-${i}`, true, at)),
    );
    expect(results.every((x) => x.voted)).toBe(true);
    expect((await storage.repos.learningRequests.get(tenantId, teamId, r.requestId))?.votes).toBe(21);
    const team = await storage.repos.learningRequests.listForTeam(tenantId, teamId);
    expect(team.votes).toHaveLength(21);

    const twice = await Promise.all(
      [0, 1, 2].map(() => storage.repos.learningRequests.vote(tenantId, teamId, r.requestId, 'eager', true, at)),
    );
    expect(twice.every((x) => x.voted)).toBe(true);
    expect((await storage.repos.learningRequests.get(tenantId, teamId, r.requestId))?.votes).toBe(22);

    await Promise.all([0, 1].map(() => storage.repos.learningRequests.vote(tenantId, teamId, r.requestId, 'eager', false, at)));
    expect((await storage.repos.learningRequests.get(tenantId, teamId, r.requestId))?.votes).toBe(21);
    expect(await storage.repos.learningRequests.hasVoted(tenantId, teamId, r.requestId, 'eager')).toBe(false);
  });

  it('the same person voting once in a fresh request: 1 vote row, and the author cannot take theirs back', async () => {
    const { tenantId, teamId } = newTeam();
    const r = request(tenantId, teamId, 'Excel', 'author');
    await storage.repos.learningRequests.create(r);
    await Promise.all([
      storage.repos.learningRequests.vote(tenantId, teamId, r.requestId, 'bob', true, at),
      storage.repos.learningRequests.vote(tenantId, teamId, r.requestId, 'bob', true, at),
    ]);
    const team = await storage.repos.learningRequests.listForTeam(tenantId, teamId);
    expect(team.votes.filter((v) => v.userId === 'bob')).toHaveLength(1);
    expect(team.requests[0]?.votes).toBe(2);
    const back = await storage.repos.learningRequests.vote(tenantId, teamId, r.requestId, 'author', false, at);
    expect(back).toEqual({ request: expect.objectContaining({ votes: 2 }) as unknown, voted: true });
  });

  it('votes on an unknown request are refused; votes on a taken request change nothing', async () => {
    const { tenantId, teamId } = newTeam();
    await expect(storage.repos.learningRequests.vote(tenantId, teamId, 'r-none', 'bob', true, at)).rejects.toBeInstanceOf(NotFoundError);
    const r = request(tenantId, teamId, 'Power BI');
    await storage.repos.learningRequests.create(r);
    await storage.repos.learningRequests.update(tenantId, teamId, r.requestId, (c) => ({ ...c, status: 'taken', takenBy: 'expert' }));
    const outcome = await storage.repos.learningRequests.vote(tenantId, teamId, r.requestId, 'bob', true, at);
    expect(outcome.voted).toBe(false);
    expect((await storage.repos.learningRequests.get(tenantId, teamId, r.requestId))?.votes).toBe(1);
  });

  it('taking or closing frees the skill: a new request for it is created', async () => {
    const { tenantId, teamId } = newTeam();
    const first = request(tenantId, teamId, 'Python');
    await storage.repos.learningRequests.create(first);
    const taken = await storage.repos.learningRequests.update(tenantId, teamId, first.requestId, (c) => ({
      ...c,
      status: 'taken',
      takenBy: 'expert',
    }));
    expect(taken).toMatchObject({ status: 'taken', takenBy: 'expert' });
    const second = await storage.repos.learningRequests.create(request(tenantId, teamId, 'python'));
    expect(second.created).toBe(true);
    await storage.repos.learningRequests.update(tenantId, teamId, second.request.requestId, (c) => ({ ...c, status: 'closed' }));
    expect((await storage.repos.learningRequests.create(request(tenantId, teamId, 'Python'))).created).toBe(true);
    expect(await storage.repos.learningRequests.update(tenantId, teamId, 'r-none', (c) => c)).toBeUndefined();
  });

  it('concurrent takes: exactly one person gets it, the others see it taken', async () => {
    const { tenantId, teamId } = newTeam();
    const r = request(tenantId, teamId, 'React');
    await storage.repos.learningRequests.create(r);
    const experts = ['e1', 'e2', 'e3', 'e4'];
    const outcomes = await Promise.all(
      experts.map((who) =>
        storage.repos.learningRequests.update(tenantId, teamId, r.requestId, (c) =>
          c.status === 'open' ? { ...c, status: 'taken', takenBy: who } : undefined,
        ),
      ),
    );
    const stored = await storage.repos.learningRequests.get(tenantId, teamId, r.requestId);
    expect(stored?.status).toBe('taken');
    // Every caller ends with the same winner: nobody's take was silently overwritten.
    expect(new Set(outcomes.map((o) => o?.takenBy))).toEqual(new Set([stored?.takenBy]));
    expect(experts).toContain(stored?.takenBy);
  });

  it('tenants and teams never see each other; awkward ids survive the keys', async () => {
    const a = newTeam();
    const b = { tenantId: ids.tenant(), teamId: a.teamId };
    const awkward = { tenantId: a.tenantId, teamId: ids.awkward() };
    await storage.repos.learningRequests.create(request(a.tenantId, a.teamId, 'Go'));
    await storage.repos.learningRequests.create(request(awkward.tenantId, awkward.teamId, 'Go', ids.awkward()));
    expect((await storage.repos.learningRequests.listForTeam(b.tenantId, b.teamId)).requests).toEqual([]);
    const odd = await storage.repos.learningRequests.listForTeam(awkward.tenantId, awkward.teamId);
    expect(odd.requests).toHaveLength(1);
    expect(odd.votes[0]?.userId).toBe(odd.requests[0]?.authorUserId);
  });

  it('a row that does not map is refused, not handed on', async () => {
    const { tenantId, teamId } = newTeam();
    const key = learningRequestKey(tenantId, teamId, 'r-bad');
    await rawTable(storage.azurite.connectionString, TABLES.learningRequests).createEntity({
      ...key,
      tenantId,
      teamId,
      requestId: 'r-bad',
      authorUserId: 'x',
      skill: 'SQL',
      status: 'maybe',
      votes: -1,
      createdAt: 'soon',
      updatedAt: 'soon',
    });
    await expect(storage.repos.learningRequests.get(tenantId, teamId, 'r-bad')).rejects.toBeInstanceOf(MalformedRowError);
    expect(learningRequestsPartition(tenantId, teamId)).toBe(key.partitionKey);
  });

  it('the demo seed brings open requests whose counts match their vote rows, and blocks a duplicate of them', async () => {
    expect(await seedDemoIfEmpty(storage.repos, at)).toBe(true);
    const demo = await storage.repos.learningRequests.listForTeam(DEMO_TENANT_ID, DEMO_TEAM_ID);
    expect(demo.requests.length).toBeGreaterThanOrEqual(2);
    for (const r of demo.requests) {
      expect(r.status).toBe('open');
      expect(r.votes).toBe(demo.votes.filter((v) => v.requestId === r.requestId).length);
      expect(demo.votes.some((v) => v.requestId === r.requestId && v.userId === r.authorUserId)).toBe(true);
    }
    expect(demo.requests.some((r) => r.votes > 1)).toBe(true);
    const first = demo.requests[0];
    const again = await storage.repos.learningRequests.create(request(DEMO_TENANT_ID, DEMO_TEAM_ID, first?.skill ?? '', 'someone-new'));
    expect(again).toMatchObject({ created: false, request: { requestId: first?.requestId } });
  });
});
