import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError, CreateSessionResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, quietLogger, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

// Found in the tenant (issue #11): values past Table Storage's 64 KB property limit reached storage and
// answered 500. Every write endpoint must answer 400 naming the field, and store nothing.
const clock = new Date('2026-11-27T12:00:00.000Z');
let service: RunningService;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => clock);
  await seedTeam(service.repositories, clock);
  for (const [key, p] of Object.entries(people))
    tokens[key] = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: p.aadObjectId, name: p.name });
});
afterAll(async () => {
  await service?.close();
});

const call = <T>(method: string, path: string, body?: unknown) => callApi<T>(service, tokens.host, method, path, body);
const team = `/teams/${encodeURIComponent(TEAM_ID)}`;
const huge = (n: number) => 'x'.repeat(n);
const valid = { title: 'Safe input', startsAt: '2026-12-03T13:00:00Z', durationMinutes: 60, channelId: CHANNEL_ID };

async function createSession(): Promise<string> {
  const res = await call<CreateSessionResponse>('POST', `${team}/sessions`, valid);
  expect(res.status).toBe(201);
  const id = res.body.sessions[0]?.sessionId;
  if (!id) throw new Error('no session');
  return id;
}

/** A 400 whose answer names the field; never a 500 (and nothing logged as unhandled). */
function expectInvalid(res: { status: number; body: ApiError }, field: string): void {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toMatch(/invalid/);
  expect(JSON.stringify(res.body.error)).toContain(field);
}

describe('oversized and malformed input on every write endpoint', () => {
  const sessionFields: [string, unknown][] = [
    ['onlineUrl', `https://example.com/${huge(95_000)}`],
    ['onlineUrl', 'https://example.com/join\r\nATTENDEE:mailto:boss@example.com'],
    ['teacherIds', [huge(60_000)]],
    ['discussionLeaderId', huge(60_000)],
    ['channelId', huge(60_000)],
    ['title', huge(60_000)],
    ['description', huge(60_000)],
    ['place', huge(60_000)],
    ['skills', [huge(60_000)]],
    ['recurrence', huge(60_000)],
    ['format', huge(60_000)],
  ];

  it.each(sessionFields)('POST sessions with a bad %s: 400 naming it, nothing stored', async (field, value) => {
    const before = (await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length;
    const res = await call<ApiError>('POST', `${team}/sessions`, { ...valid, [field]: value });
    expectInvalid(res, field);
    expect((await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length).toBe(before);
  });

  it.each(sessionFields)('PATCH a session with a bad %s: 400 naming it', async (field, value) => {
    const id = await createSession();
    const res = await call<ApiError>('PATCH', `${team}/sessions/${encodeURIComponent(id)}`, { [field]: value });
    expectInvalid(res, field);
  });

  it('PUT rsvp and POST questions with huge values: 400', async () => {
    const id = await createSession();
    expectInvalid(await call<ApiError>('PUT', `${team}/sessions/${encodeURIComponent(id)}/rsvp`, { response: huge(60_000) }), 'response');
    const asked = await call<ApiError>('POST', `${team}/sessions/${encodeURIComponent(id)}/questions`, { text: huge(60_000) });
    expect(asked.status).toBe(400);
    expect(asked.body.error.code).toBe('question_too_long');
  });

  it.each([
    ['title', { title: huge(60_000) }],
    ['body', { title: 'A tip', body: huge(60_000) }],
    ['link', { title: 'A tip', link: `https://example.com/${huge(60_000)}` }],
    ['skills', { title: 'A tip', skills: [huge(60_000)] }],
  ])('POST tips with a huge %s: 400', async (field, body) => {
    expectInvalid(await call<ApiError>('POST', `${team}/tips`, body), field);
  });

  it.each([
    ['skill', { skill: huge(60_000) }],
    ['note', { skill: 'TypeScript', note: huge(60_000) }],
  ])('POST learning requests with a huge %s: 400', async (field, body) => {
    expectInvalid(await call<ApiError>('POST', `${team}/requests`, body), field);
  });

  it.each([
    ['bio', { bio: huge(60_000) }],
    ['availability', { availability: huge(60_000) }],
    ['wants', { wants: [huge(60_000)] }],
    ['teaches', { teaches: [{ name: huge(60_000), level: 2 }] }],
    ['languages', { languages: [huge(60_000)] }],
  ])('PUT my profile with a huge %s: 400', async (field, edit) => {
    const body = { teaches: [], wants: [], bio: '', languages: [], availability: '', ...edit };
    expectInvalid(await call<ApiError>('PUT', '/me/profile', body), field);
  });

  it('POST an endorsement with a huge skill or person id: 400', async () => {
    expectInvalid(await call<ApiError>('POST', `/people/${people.ann.aadObjectId}/endorsements`, { skill: huge(60_000) }), 'skill');
    expect((await call<ApiError>('POST', `/people/${huge(5_000)}/endorsements`, { skill: 'TypeScript' })).status).toBe(400);
  });

  it('PUT team settings with huge values: 400', async () => {
    const res = await call<ApiError>('PUT', `${team}/settings`, { timeZone: huge(60_000) });
    expect([400, 403]).toContain(res.status);
  });

  it('logged no unhandled error', () => {
    expect(quietLogger.errors.filter((e) => e.includes('unhandled'))).toEqual([]);
  });
});
