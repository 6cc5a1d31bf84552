import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError, CreateSessionResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

/**
 * Issue #11: one zod schema per request body at the API's edge. It answers before any domain
 * service runs (so even an outsider's oversized body is a 400, not the 403 the domain would give),
 * names the field with the domain's own problem code, and strips keys no form has.
 * tests/api/oversized-input.spec.ts keeps the end-to-end table of huge values.
 */
const now = new Date();
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
let service: RunningService;
const tokens: Record<string, string> = {};
const outsider = { aadObjectId: '00000000-0000-0000-0000-00000000a0ff', name: 'Olga Outsider' };

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => now);
  await seedTeam(service.repositories, now);
  for (const [key, p] of Object.entries({ ...people, outsider }))
    tokens[key] = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: p.aadObjectId, name: p.name });
});
afterAll(async () => {
  await service?.close();
});

const call = <T>(who: string, method: string, path: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);
const team = `/teams/${encodeURIComponent(TEAM_ID)}`;
const valid = { title: 'Edge checked', startsAt: inDays(4), durationMinutes: 60, channelId: CHANNEL_ID };
const long = (n: number) => 'y'.repeat(n);

let sessionId = '';
beforeAll(async () => {
  const res = await call<CreateSessionResponse>('host', 'POST', `${team}/sessions`, valid);
  expect(res.status).toBe(201);
  sessionId = res.body.sessions[0]?.sessionId ?? '';
});
const session = () => `${team}/sessions/${encodeURIComponent(sessionId)}`;

/** [endpoint, body, the problem the edge names]: shapes and bounds, each answered in the domain's own words. */
const table: [string, string, () => string, Record<string, unknown>, { field: string; code: string }][] = [
  ['POST sessions', 'POST', () => `${team}/sessions`, { ...valid, title: long(121) }, { field: 'title', code: 'titleTooLong' }],
  ['POST sessions', 'POST', () => `${team}/sessions`, { ...valid, title: { text: 'x' } }, { field: 'title', code: 'titleRequired' }],
  [
    'POST sessions',
    'POST',
    () => `${team}/sessions`,
    { ...valid, teacherIds: [{ id: 1 }] },
    { field: 'teacherIds', code: 'peopleInvalid' },
  ],
  [
    'POST sessions',
    'POST',
    () => `${team}/sessions`,
    { ...valid, teacherIds: Array(11).fill('a') },
    { field: 'teacherIds', code: 'peopleInvalid' },
  ],
  ['POST sessions', 'POST', () => `${team}/sessions`, { ...valid, skills: 42 }, { field: 'skills', code: 'skillsInvalid' }],
  [
    'POST sessions',
    'POST',
    () => `${team}/sessions`,
    { ...valid, durationMinutes: { m: 5 } },
    { field: 'durationMinutes', code: 'durationOutOfRange' },
  ],
  [
    'POST sessions',
    'POST',
    () => `${team}/sessions`,
    { ...valid, date: long(41), time: '14:00' },
    { field: 'startsAt', code: 'startInvalid' },
  ],
  [
    'POST sessions',
    'POST',
    () => `${team}/sessions`,
    { ...valid, discussionLeaderId: long(201) },
    { field: 'discussionLeaderId', code: 'personUnknown' },
  ],
  ['PATCH a session', 'PATCH', session, { place: long(201) }, { field: 'place', code: 'placeTooLong' }],
  ['PATCH a session', 'PATCH', session, { channelId: ['x'] }, { field: 'channelId', code: 'channelUnknown' }],
  [
    'POST tips',
    'POST',
    () => `${team}/tips`,
    { title: 'A tip', skills: Array(17).fill('TypeScript') },
    { field: 'skills', code: 'skillsTooMany' },
  ],
  ['POST tips', 'POST', () => `${team}/tips`, { title: 'A tip', body: long(1001) }, { field: 'body', code: 'bodyTooLong' }],
  ['POST requests', 'POST', () => `${team}/requests`, { skill: 'TypeScript', note: 5 }, { field: 'note', code: 'noteInvalid' }],
  ['POST requests', 'POST', () => `${team}/requests`, { skill: long(61) }, { field: 'skill', code: 'skillTooLong' }],
];

describe('request bodies checked at the edge', () => {
  it.each(table)('%s (case %#) → 400 naming the field', async (_name, method, path, body, problem) => {
    // The outsider: the domain would say 403; only the edge answers 400 before it.
    const res = await call<ApiError>('outsider', method, path(), body);
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toContainEqual(problem);
    expect(Object.keys(res.body.error.fields ?? {})).toContain(problem.field);
  });

  it('a well-formed body from the outsider still meets the domain’s 403', async () => {
    expect((await call<ApiError>('outsider', 'POST', `${team}/sessions`, valid)).status).toBe(403);
    expect((await call<ApiError>('outsider', 'POST', `${team}/tips`, { title: 'A tip' })).status).toBe(403);
  });

  it('PUT rsvp and POST questions: malformed values answer the domain’s codes', async () => {
    const rsvp = await call<ApiError>('outsider', 'PUT', `${session()}/rsvp`, { response: ['yes'] });
    expect([rsvp.status, rsvp.body.error.code]).toEqual([400, 'response_invalid']);
    const tooLong = await call<ApiError>('outsider', 'POST', `${session()}/questions`, { text: long(501) });
    expect([tooLong.status, tooLong.body.error.code]).toEqual([400, 'question_too_long']);
    const notText = await call<ApiError>('outsider', 'POST', `${session()}/questions`, { text: { q: 'hi' } });
    expect([notText.status, notText.body.error.code]).toEqual([400, 'question_empty']);
  });

  it('PUT my profile and POST an endorsement: each field named with the domain’s detail code, the domain’s own sentence', async () => {
    const profile = { teaches: [{ name: 'SQL', level: 7 }], wants: [], bio: long(501), languages: [], availability: '' };
    const bad = await call<ApiError>('ann', 'PUT', '/me/profile', profile);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_profile']);
    expect(bad.body.error.problems).toEqual([
      { field: 'teaches', code: 'level' },
      { field: 'bio', code: 'tooLong' },
    ]);
    expect(bad.body.error.message).toContain('bio must be at most 500 characters');
    const shape = await call<ApiError>('ann', 'PUT', '/me/profile', { ...profile, teaches: [], bio: '', wants: 'SQL' });
    expect(shape.body.error.problems).toEqual([{ field: 'wants', code: 'shape' }]);
    const endorse = await call<ApiError>('ann', 'POST', `/people/${people.bob.aadObjectId}/endorsements`, { skill: ['SQL'] });
    expect([endorse.status, endorse.body.error.code, endorse.body.error.problems]).toEqual([
      400,
      'invalid_endorsement',
      [{ field: 'skill', code: 'shape' }],
    ]);
  });

  it('keys no form has are stripped; what the forms send (numbers or card strings) passes', async () => {
    const res = await call<CreateSessionResponse>('host', 'POST', `${team}/sessions`, {
      ...valid,
      title: 'Stripped',
      hostId: people.ann.aadObjectId,
      status: 'cancelled',
      counts: { yes: 99, maybe: 0, no: 0 },
      capacity: '12',
      openToOrganisation: 'true',
      teacherIds: `${people.ann.aadObjectId},${people.bob.aadObjectId}`,
    });
    expect(res.status).toBe(201);
    const stored = await service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, res.body.sessions[0]?.sessionId ?? '');
    expect(stored).toMatchObject({
      hostId: people.host.aadObjectId,
      status: 'scheduled',
      capacity: 12,
      openToOrganisation: true,
      teacherIds: [people.ann.aadObjectId, people.bob.aadObjectId],
    });
    expect(stored?.counts.yes).toBe(0);
  });
});
