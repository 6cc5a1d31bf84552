import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type {
  ApiError,
  PersonalDataExportLinkResponse,
  PersonalDataExportResponse,
  CreateSessionResponse,
  SessionDetailResponse,
  TipListResponse,
  TipView,
} from '../../bot/src/api/contract';
import { FORMER_COLLEAGUE_ID } from '../../bot/src/domain/shared/person';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

const OTHER_TENANT = '99999999-0000-0000-0000-00000000fe01';
// The service's clock: export links expire by it.
let clock = new Date();
let service: RunningService;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => clock);
  await seedTeam(service.repositories, clock);
  await seedTeam(service.repositories, clock, OTHER_TENANT, TEAM_ID);
  for (const [key, p] of Object.entries(people))
    tokens[key] = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: p.aadObjectId, name: p.name });
  // The same user id in another tenant: another person.
  tokens.elsewhere = await devToken(service, { tenantId: OTHER_TENANT, userId: people.ann.aadObjectId, name: people.ann.name });
});
afterAll(async () => {
  await service?.close();
});

const call = <T>(method: string, path: string, who: string | undefined, body?: unknown) =>
  callApi<T>(service, who === undefined ? undefined : tokens[who], method, path, body);

const rowsOf = (body: PersonalDataExportResponse, table: string) => body.tables.find((t) => t.table === table)?.rows ?? [];

async function shareTip(who: string, title: string): Promise<TipView> {
  const res = await call<TipView>('POST', `/teams/${encodeURIComponent(TEAM_ID)}/tips`, who, { title, skills: [] });
  expect(res.status).toBe(201);
  return res.body;
}

describe('privacy API (DESIGN F13)', () => {
  it('GET /me/export answers the caller’s data as a dated JSON attachment that is never cached', async () => {
    await shareTip('ann', 'Ann’s first tip');
    const res = await fetch(`${service.url}/api/v1/me/export`, { headers: { authorization: `Bearer ${tokens.ann}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="peerlearn-export-${clock.toISOString().slice(0, 10)}.json"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as PersonalDataExportResponse;
    expect(body).toMatchObject({ format: 'peerlearn-export/1', person: { tenantId: PLAYGROUND_TENANT, userId: people.ann.aadObjectId } });
    expect(rowsOf(body, 'plProfiles')).toEqual([expect.objectContaining({ userId: people.ann.aadObjectId, displayName: people.ann.name })]);
    expect(rowsOf(body, 'plTips')).toEqual([expect.objectContaining({ title: 'Ann’s first tip' })]);
    expect(rowsOf(body, 'plMemberships')).toHaveLength(2);
    // Another tenant's person with the same user id sees nothing of it.
    const elsewhere = await call<PersonalDataExportResponse>('GET', '/me/export', 'elsewhere');
    expect(elsewhere.status).toBe(200);
    expect(JSON.stringify(elsewhere.body)).not.toContain('Ann’s first tip');
    expect(JSON.stringify(elsewhere.body)).not.toContain(PLAYGROUND_TENANT);
  });

  it('an export link works without signing in, for its own person only, and not once expired or altered', async () => {
    const made = await call<PersonalDataExportLinkResponse>('POST', '/me/export/link', 'ann');
    expect(made.status).toBe(200);
    expect(Date.parse(made.body.expiresAt) - clock.getTime()).toBe(15 * 60_000);
    const path = new URL(made.body.url).pathname;
    const open = (p: string, who?: string) =>
      fetch(`${service.url}${p}`, who ? { headers: { authorization: `Bearer ${tokens[who]}` } } : {});

    const anonymous = await open(path);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('content-disposition')).toMatch(/^attachment; filename="peerlearn-export-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(rowsOf((await anonymous.json()) as PersonalDataExportResponse, 'plTips')).toHaveLength(1);
    expect((await open(path, 'ann')).status).toBe(200);

    const someoneElse = await open(path, 'bob');
    expect(someoneElse.status).toBe(403);
    expect(((await someoneElse.json()) as ApiError).error.code).toBe('forbidden');
    const sameIdOtherTenant = await open(path, 'elsewhere');
    expect(sameIdOtherTenant.status).toBe(403);

    const token = path.split('/').pop() ?? '';
    const [payload = '', signature = ''] = token.split('.');
    const forged = `${payload.slice(0, -2)}${payload.endsWith('A') ? 'B' : 'A'}${payload.slice(-1)}.${signature}`;
    for (const bad of [forged, `${payload}.${signature.slice(1)}x`, 'not-a-token', `${token}.extra`]) {
      const res = await open(`/api/v1/me/export/link/${bad}`);
      expect({ bad, status: res.status }).toEqual({ bad, status: 403 });
      expect(((await res.json()) as ApiError).error.code).toBe('link_invalid');
    }

    const saved = clock;
    clock = new Date(saved.getTime() + 15 * 60_000 + 1);
    try {
      const expired = await open(path);
      expect(expired.status).toBe(403);
      expect(((await expired.json()) as ApiError).error).toMatchObject({ code: 'link_invalid', message: expect.stringMatching(/expired/) });
    } finally {
      clock = saved;
    }
  });

  it('DELETE /me without confirm: 400 confirmation_required and nothing changes', async () => {
    const before = await call<PersonalDataExportResponse>('GET', '/me/export', 'ann');
    for (const body of [undefined, {}, { contributions: 'anonymise' }, { confirm: 'true', contributions: 'remove' }, { confirm: false }]) {
      const res = await call<ApiError>('DELETE', '/me', 'ann', body);
      expect({ body, status: res.status, code: res.body.error.code }).toEqual({ body, status: 400, code: 'confirmation_required' });
    }
    const bad = await call<ApiError>('DELETE', '/me', 'ann', { confirm: true, contributions: 'everything' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_erase');
    const after = await call<PersonalDataExportResponse>('GET', '/me/export', 'ann');
    expect(after.body.tables).toEqual(before.body.tables);
  });

  it('DELETE /me erases (204), a second erase is 204 too; other people and the other tenant keep their data', async () => {
    await shareTip('bob', 'Bob’s tip');
    await call('GET', '/me', 'elsewhere');
    const res = await call<undefined>('DELETE', '/me', 'ann', { confirm: true, contributions: 'remove' });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await call<undefined>('DELETE', '/me', 'ann', { confirm: true, contributions: 'remove' })).status).toBe(204);

    const erased = await call<PersonalDataExportResponse>('GET', '/me/export', 'ann');
    expect(erased.body.tables.flatMap((t) => t.rows)).toEqual([]);
    const bob = await call<PersonalDataExportResponse>('GET', '/me/export', 'bob');
    expect(rowsOf(bob.body, 'plTips')).toEqual([expect.objectContaining({ title: 'Bob’s tip' })]);
    const elsewhere = await call<PersonalDataExportResponse>('GET', '/me/export', 'elsewhere');
    expect(rowsOf(elsewhere.body, 'plProfiles')).toEqual([
      expect.objectContaining({ tenantId: OTHER_TENANT, userId: people.ann.aadObjectId }),
    ]);
    expect(rowsOf(elsewhere.body, 'plMemberships')).toHaveLength(2);
  });

  it("'anonymise' keeps a tip for the team under the former colleague; no token can be made for that id", async () => {
    expect((await call<undefined>('DELETE', '/me', 'bob', { confirm: true, contributions: 'anonymise' })).status).toBe(204);
    const kept = await call<TipListResponse>('GET', `/teams/${encodeURIComponent(TEAM_ID)}/tips`, 'cleo');
    expect(kept.body.tips.map((t) => [t.title, t.author.userId])).toEqual([['Bob’s tip', FORMER_COLLEAGUE_ID]]);
    await expect(devToken(service, { tenantId: PLAYGROUND_TENANT, userId: FORMER_COLLEAGUE_ID, name: 'Nobody' })).rejects.toThrow(/400/);
  });

  it('the erase routes need a signed-in caller', async () => {
    expect((await call<ApiError>('DELETE', '/me', undefined, { confirm: true, contributions: 'remove' })).status).toBe(401);
    expect((await call<ApiError>('GET', '/me/export', undefined)).status).toBe(401);
  });
});

describe('privacy API under the write limits', () => {
  let limited: RunningService;
  beforeAll(async () => {
    // One change a minute per person: the second erase must be refused before it does any work.
    limited = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), undefined, {
      person: [{ limit: 1, windowMs: 60_000 }],
      tenant: [],
    });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('DELETE /me counts as a change like any other (429 past the limit); reading the export does not', async () => {
    const token = await devToken(limited, { tenantId: PLAYGROUND_TENANT, userId: people.cleo.aadObjectId, name: people.cleo.name });
    const erase = () => callApi<ApiError | undefined>(limited, token, 'DELETE', '/me', { confirm: true, contributions: 'anonymise' });
    expect((await erase()).status).toBe(204);
    const refused = await erase();
    expect(refused.status).toBe(429);
    expect(refused.body?.error.code).toBe('rate_limited');
    for (let i = 0; i < 3; i += 1) expect((await callApi(limited, token, 'GET', '/me/export')).status).toBe(200);
  });

  it("an erase gives the person's seat in an upcoming session to the first in line; a session that took place keeps the count", async () => {
    const team = `/teams/${encodeURIComponent(TEAM_ID)}`;
    const plan = async (startsAt: Date) => {
      const res = await call<CreateSessionResponse>('POST', `${team}/sessions`, 'host', {
        title: 'Seats',
        startsAt: startsAt.toISOString(),
        durationMinutes: 30,
        channelId: CHANNEL_ID,
        capacity: 1,
      });
      expect(res.status).toBe(201);
      return res.body.sessions[0]?.sessionId ?? '';
    };
    const soon = await plan(new Date(clock.getTime() + 60 * 60_000));
    const later = await plan(new Date(clock.getTime() + 3 * 86_400_000));
    for (const id of [soon, later])
      expect((await call('PUT', `${team}/sessions/${id}/rsvp`, 'cleo', { response: 'yes' })).status).toBe(200);
    const waiting = await call<{ waitlisted?: boolean }>('PUT', `${team}/sessions/${later}/rsvp`, 'host', { response: 'yes' });
    expect(waiting.body.waitlisted).toBe(true);
    // The first session starts; then Cleo erases her data.
    clock = new Date(clock.getTime() + 2 * 60 * 60_000);
    expect((await call<undefined>('DELETE', '/me', 'cleo', { confirm: true, contributions: 'anonymise' })).status).toBe(204);
    const seen = async (id: string) => (await call<SessionDetailResponse>('GET', `${team}/sessions/${id}`, 'host')).body;
    expect(await seen(later)).toMatchObject({ going: 1, myResponse: 'yes', myWaitlisted: false });
    expect(await seen(soon)).toMatchObject({ going: 1 });
    const rows = await service.repositories.rsvps.listForSession(PLAYGROUND_TENANT, later);
    expect(rows.map((r) => r.userId)).toEqual([people.host.aadObjectId]);
  });
});
