import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { devToken, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

/**
 * Issue #12, "bugs a new user hit": requests no form sends still get a clear 4xx with a code —
 * a body that is not JSON, a path whose percent-encoding is broken, a bot activity with no shape.
 */
const now = new Date();
let service: RunningService;
let token = '';

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => now);
  await seedTeam(service.repositories, now);
  token = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: people.host.aadObjectId, name: people.host.name });
});
afterAll(async () => {
  await service?.close();
});

async function send(method: string, path: string, contentType: string | undefined, body: string | undefined) {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(contentType ? { 'content-type': contentType } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as ApiError | undefined };
}

const sessions = `/api/v1/teams/${encodeURIComponent(TEAM_ID)}/sessions`;
const startsAt = new Date(now.getTime() + 4 * 86_400_000).toISOString();
const fields = { title: 'Not JSON', startsAt, durationMinutes: '60', channelId: CHANNEL_ID };

describe('a body that is not JSON', () => {
  it.each([
    ['form-encoded', 'application/x-www-form-urlencoded', new URLSearchParams(fields).toString()],
    ['text/plain', 'text/plain', JSON.stringify(fields)],
    ['multipart', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nNot JSON\r\n--x--\r\n'],
  ])('%s to POST sessions → 415 unsupported_media_type, not a missing title', async (_name, type, body) => {
    const res = await send('POST', sessions, type, body);
    expect(res.status).toBe(415);
    expect(res.body?.error.code).toBe('unsupported_media_type');
    expect(res.body?.error.message).toMatch(/JSON/);
    expect(res.body?.error.message).not.toMatch(/title/i);
  });

  it('the same on PUT and PATCH routes', async () => {
    expect((await send('PUT', '/api/v1/me/profile', 'text/plain', '{}')).status).toBe(415);
    expect((await send('PATCH', `${sessions}/x`, 'application/x-www-form-urlencoded', 'title=x')).status).toBe(415);
  });

  it('JSON with a charset and a body-less POST are still taken', async () => {
    const json = await send('POST', sessions, 'application/json; charset=utf-8', JSON.stringify(fields));
    expect(json.status).toBe(201);
    // No body at all: the route's own answer (here: the title it needs), not a 415.
    const empty = await send('POST', sessions, undefined, undefined);
    expect(empty.status).toBe(400);
  });
});

describe('a path whose percent-encoding is broken', () => {
  it.each([['/api/v1/teams/%E0%A4%A/sessions'], ['/api/v1/teams/%ZZ/sessions'], ['/api/v1/people/%E0%A4/endorsements']])(
    '%s → 400 bad_path, not 500',
    async (path) => {
      const method = path.endsWith('endorsements') ? 'POST' : 'GET';
      const res = await send(method, path, method === 'POST' ? 'application/json' : undefined, method === 'POST' ? '{}' : undefined);
      expect(res.status).toBe(400);
      expect(res.body?.error.code).toBe('bad_path');
    },
  );
});

describe('POST /api/messages with a body that is no activity', () => {
  it.each([['{}'], ['[]'], ['null'], ['"hello"'], ['42'], ['{"type":5}'], ['{"type":null,"text":"hi"}']])(
    '%s → 400, not 500',
    async (body) => {
      const res = await fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
    },
  );

  it('a text/plain body → 415', async () => {
    const res = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"type":"message"}',
    });
    expect(res.status).toBe(415);
  });
});

describe('a session form that only looks right', () => {
  it('a zero-width title, a start three years ahead and 100000 places → 400 naming each, with the range', async () => {
    const far = new Date(now.getTime());
    far.setUTCFullYear(far.getUTCFullYear() + 3);
    const body = JSON.stringify({ ...fields, title: ' \u200B ', startsAt: far.toISOString(), capacity: 100_000 });
    const res = await send('POST', sessions, 'application/json', body);
    expect(res.status).toBe(400);
    expect(res.body?.error.problems).toEqual(
      expect.arrayContaining([
        { field: 'title', code: 'titleRequired' },
        { field: 'startsAt', code: 'startTooFar' },
        { field: 'capacity', code: 'capacityNotPositive' },
      ]),
    );
    expect(res.body?.error.fields?.capacity).toContain('from 1 to 10,000');
  });
});
