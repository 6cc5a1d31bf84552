import { eventually } from '../support/eventually';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { InsightsResponse } from '../../bot/src/api/contract';
import type { ApiError, DevMembersResponse, MeResponse, TeamSessionsResponse } from '../../bot/src/api/contract';
import { DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../bot/src/domain/demo/demo-team';
import type { RunningService } from '../../bot/src/server';
import { devToken, getJson, startTestService } from '../support/service';

const ALEX = '00000000-0000-0000-0000-0000000000020';
const NOW = new Date('2026-11-27T08:00:00Z');

let service: RunningService;
let alexToken: string;

beforeAll(async () => {
  service = await startTestService({}, () => NOW);
  alexToken = await devToken(service, { tenantId: DEMO_TENANT_ID, userId: ALEX, name: 'Alex Wilber' });
});
afterAll(async () => {
  await service?.close();
});

describe('the tab API on the seeded demo team', () => {
  it('reports health', async () => {
    const res = await fetch(`${service.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', storage: 'ok' });
    // Ready once the demo tenant's expert index is warm: what App Service's health check waits for.
    await eventually(async () => {
      const ready = await fetch(`${service.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ok', storage: 'ok', experts: 'ok' });
    });
  });

  it('lists the demo members for the standalone picker', async () => {
    const { status, body } = await getJson<DevMembersResponse>(service, '/dev/members');
    expect(status).toBe(200);
    expect(body.members.length).toBeGreaterThanOrEqual(12);
    expect(body.members.map((m) => m.displayName)).toEqual(expect.arrayContaining(['Alex Wilber', 'Sanne de Vries', 'Megan Bowen']));
  });

  it('GET /api/v1/me names the caller and their teams', async () => {
    const { status, body } = await getJson<MeResponse>(service, '/api/v1/me', alexToken);
    expect(status).toBe(200);
    expect(body).toMatchObject({ tenantId: DEMO_TENANT_ID, userId: ALEX, displayName: 'Alex Wilber' });
    expect(body.teams).toEqual([{ teamId: DEMO_TEAM_ID, name: 'Productteam Utrecht', role: 'owner' }]);
    expect(body.teaches.map((s) => s.name)).toContain('Agile');
  });

  it('lists the team’s sessions, upcoming first, with names and counts', async () => {
    const { status, body } = await getJson<TeamSessionsResponse>(service, `/api/v1/teams/${DEMO_TEAM_ID}/sessions`, alexToken);
    expect(status).toBe(200);
    expect(body.teamName).toBe('Productteam Utrecht');
    expect(body.sessions.length).toBeGreaterThanOrEqual(4);
    expect(body.sessions.every((s) => s.upcoming && s.status === 'scheduled')).toBe(true);
    const starts = body.sessions.map((s) => Date.parse(s.startsAt));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const presenting = body.sessions.find((s) => s.title === 'Presenteren met impact');
    expect(presenting).toMatchObject({ host: { displayName: 'Eva Smit' }, capacity: 12, format: 'workshop' });
    // Past and cancelled ones come on demand.
    expect(body.hasPast).toBe(true);
    const past = await getJson<TeamSessionsResponse>(service, `/api/v1/teams/${DEMO_TEAM_ID}/sessions?when=past`, alexToken);
    expect(past.body.sessions.length).toBeGreaterThan(0);
    expect(past.body.sessions.some((s) => s.status === 'cancelled')).toBe(true);
    expect(past.body.sessions.every((s) => !s.upcoming)).toBe(true);
    // Ratings are private to the host: no feedback field leaks into the board.
    expect(JSON.stringify(body)).not.toMatch(/rating/i);
  });

  it('never shows a team of another tenant', async () => {
    const stranger = await devToken(service, { tenantId: '99999999-9999-9999-9999-999999999999', userId: ALEX, name: 'Alex' });
    const { status, body } = await getJson<ApiError>(service, `/api/v1/teams/${DEMO_TEAM_ID}/sessions`, stranger);
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('bad input and faults', () => {
  it('401 without or with a broken token', async () => {
    expect((await getJson<ApiError>(service, '/api/v1/me')).status).toBe(401);
    const broken = await getJson<ApiError>(service, '/api/v1/me', 'abc.def.ghi');
    expect(broken.status).toBe(401);
    expect(broken.body.error.code).toBe('unauthorized');
  });

  it('400 on a bad team id, 404 JSON on an unknown route', async () => {
    expect((await getJson<ApiError>(service, `/api/v1/teams/${encodeURIComponent("x' or 1 eq 1")}/sessions`, alexToken)).status).toBe(400);
    const missing = await getJson<ApiError>(service, '/api/v1/nothing-here', alexToken);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('400 on invalid JSON, 413 on an oversize body, 400 on a bad token request', async () => {
    const post = (body: string) =>
      fetch(`${service.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const invalid = await post('{"tenantId": ');
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as ApiError).error.code).toBe('invalid_json');
    const huge = await post(JSON.stringify({ tenantId: 'x'.repeat(40_000) }));
    expect(huge.status).toBe(413);
    const incomplete = await post(JSON.stringify({ tenantId: DEMO_TENANT_ID }));
    expect(incomplete.status).toBe(400);
    expect(((await incomplete.json()) as ApiError).error.message).toMatch(/userId/);
  });
});

describe('the caller’s own answers on the board', () => {
  it('shows my RSVP on each session I answered, and only mine', async () => {
    const path = `/api/v1/teams/${DEMO_TEAM_ID}/sessions`;
    const before = await getJson<TeamSessionsResponse>(service, path, alexToken);
    const target = before.body.sessions.find((s) => s.upcoming && s.title === 'Presenteren met impact');
    expect(target).toBeDefined();
    const put = await fetch(`${service.url}${path}/${target?.sessionId}/rsvp`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${alexToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ response: 'maybe' }),
    });
    expect(put.status).toBe(200);

    const after = await getJson<TeamSessionsResponse>(service, path, alexToken);
    expect(after.body.sessions.find((s) => s.sessionId === target?.sessionId)?.myResponse).toBe('maybe');

    const megan = await devToken(service, {
      tenantId: DEMO_TENANT_ID,
      userId: '00000000-0000-0000-0000-0000000000021',
      name: 'Megan Bowen',
    });
    const upcoming = await getJson<TeamSessionsResponse>(service, path, megan);
    const past = await getJson<TeamSessionsResponse>(service, `${path}?when=past&limit=100`, megan);
    const hers = [...upcoming.body.sessions, ...past.body.sessions];
    const seeded = await service.repositories.rsvps.listForUser(DEMO_TENANT_ID, '00000000-0000-0000-0000-0000000000021');
    // The seed's answers are indexed by person too; the board (upcoming and past) shows exactly those.
    expect(
      hers
        .filter((s) => s.myResponse)
        .map((s) => [s.sessionId, s.myResponse])
        .sort(),
    ).toEqual(seeded.map((r) => [r.sessionId, r.response]).sort());
    expect(seeded.length).toBeGreaterThan(0);
  });

  it('the demo team has insights at once: the seed folds its past sessions (no backfill jobs)', async () => {
    const { status, body } = await getJson<InsightsResponse>(
      service,
      `/api/v1/teams/${encodeURIComponent(DEMO_TEAM_ID)}/insights`,
      alexToken,
    );
    expect(status).toBe(200);
    expect(body.participation.totals.sessionsHeld).toBeGreaterThan(0);
    expect(body.skills.people.length).toBeGreaterThan(0);
  });
});
