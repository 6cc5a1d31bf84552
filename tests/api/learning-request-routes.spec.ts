import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type {
  ApiError,
  CreateLearningRequestResponse,
  CreateSessionResponse,
  LearningRequestDetailResponse,
  LearningRequestsResponse,
  LearningRequestView,
} from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

const OTHER_TENANT = '99999999-0000-0000-0000-000000000000';
const clock = new Date('2026-11-27T12:00:00.000Z');
let service: RunningService;
// Every read of the clock is a second later, so "newest first" has something to order by.
let ticks = 0;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => new Date(clock.getTime() + (ticks += 1) * 1000));
  await seedTeam(service.repositories, clock);
  await seedTeam(service.repositories, clock, OTHER_TENANT, TEAM_ID);
  // Hanna and Bob teach TypeScript; Hanna best. Cleo asks, so she must never be suggested to herself.
  const now = clock.toISOString();
  const teacher = (userId: string, displayName: string, level: 1 | 2 | 3) => ({
    tenantId: PLAYGROUND_TENANT,
    userId,
    displayName,
    bio: '',
    teaches: [{ name: 'TypeScript', level }],
    wants: [],
    languages: [],
    availability: '',
    createdAt: now,
    updatedAt: now,
  });
  await service.repositories.members.put(teacher(people.host.aadObjectId, people.host.name, 3));
  await service.repositories.members.put(teacher(people.bob.aadObjectId, people.bob.name, 2));
  await service.repositories.members.put(teacher(people.cleo.aadObjectId, people.cleo.name, 1));
  for (const [key, p] of Object.entries(people))
    tokens[key] = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: p.aadObjectId, name: p.name });
  tokens.annNl = await devToken(service, {
    tenantId: PLAYGROUND_TENANT,
    userId: people.ann.aadObjectId,
    name: people.ann.name,
    locale: 'nl-NL',
  });
  tokens.stranger = await devToken(service, {
    tenantId: PLAYGROUND_TENANT,
    userId: '00000000-0000-0000-0000-00000000ffff',
    name: 'Not in the team',
  });
  tokens.otherTenant = await devToken(service, { tenantId: OTHER_TENANT, userId: people.host.aadObjectId, name: 'Hanna elsewhere' });
});
afterAll(async () => {
  await service?.close();
});

const call = <T>(method: string, path: string, who: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);

const requests = `/teams/${encodeURIComponent(TEAM_ID)}/requests`;
const one = (id: string) => `${requests}/${encodeURIComponent(id)}`;

async function stored(requestId: string) {
  return service.repositories.learningRequests.get(PLAYGROUND_TENANT, TEAM_ID, requestId);
}

describe('learning requests API', () => {
  let ts: LearningRequestView;

  it('POST creates a request (skill normalised, the author counted) and GET lists it with suggested experts, never the author', async () => {
    const created = await call<CreateLearningRequestResponse>('POST', requests, 'cleo', {
      skill: '  typescript ',
      note: 'Generics, please',
    });
    expect(created.status).toBe(201);
    expect(created.body.created).toBe(true);
    ts = created.body.request;
    expect(ts).toMatchObject({
      skill: 'TypeScript',
      note: 'Generics, please',
      status: 'open',
      votes: 1,
      voted: true,
      isAuthor: true,
      canClose: true,
    });
    expect(ts.author).toEqual({ userId: people.cleo.aadObjectId, displayName: people.cleo.name });

    const list = await call<LearningRequestsResponse>('GET', requests, 'ann');
    expect(list.status).toBe(200);
    const shown = list.body.requests.find((r) => r.requestId === ts.requestId);
    expect(shown).toMatchObject({ voted: false, isAuthor: false, canClose: false, votes: 1 });
    expect(shown?.experts.map((e) => e.displayName)).toEqual([people.host.name, people.bob.name]);
  });

  it('POST for a skill already open answers 200 with the existing request and stores nothing new', async () => {
    const again = await call<CreateLearningRequestResponse>('POST', requests, 'ann', { skill: 'TS' });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    expect(again.body.request.requestId).toBe(ts.requestId);
    expect(again.body.request.voted).toBe(false);
    const all = await service.repositories.learningRequests.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    expect(all.requests.filter((r) => r.skill === 'TypeScript')).toHaveLength(1);
  });

  it('PUT/DELETE vote: idempotent per person; the list orders most votes first, then newest', async () => {
    const excel = (await call<CreateLearningRequestResponse>('POST', requests, 'bob', { skill: 'Excel' })).body.request;
    for (let i = 0; i < 2; i += 1) {
      const voted = await call<LearningRequestView>('PUT', `${one(ts.requestId)}/vote`, 'ann');
      expect(voted.status).toBe(200);
      expect(voted.body).toMatchObject({ votes: 2, voted: true });
    }
    expect((await stored(ts.requestId))?.votes).toBe(2);
    const order = await call<LearningRequestsResponse>('GET', requests, 'ann');
    expect(order.body.requests.map((r) => r.requestId)).toEqual([ts.requestId, excel.requestId]);

    const back = await call<LearningRequestView>('DELETE', `${one(ts.requestId)}/vote`, 'ann');
    expect(back.body).toMatchObject({ votes: 1, voted: false });
    await call('DELETE', `${one(ts.requestId)}/vote`, 'ann');
    expect((await stored(ts.requestId))?.votes).toBe(1);
    // Equal votes: the newer request first.
    const tie = await call<LearningRequestsResponse>('GET', requests, 'ann');
    expect(tie.body.requests.map((r) => r.requestId)).toEqual([excel.requestId, ts.requestId]);
    // The author's request is their vote.
    expect((await call<LearningRequestView>('DELETE', `${one(ts.requestId)}/vote`, 'cleo')).body).toMatchObject({ votes: 1, voted: true });
  });

  it('GET one gives a session draft in the caller’s language', async () => {
    const en = await call<LearningRequestDetailResponse>('GET', one(ts.requestId), 'ann');
    expect(en.status).toBe(200);
    expect(en.body.draft).toEqual({
      title: 'Learn TypeScript together',
      skills: ['TypeScript'],
      description: expect.stringContaining('“Generics, please”') as unknown,
    });
    const nl = await call<LearningRequestDetailResponse>('GET', one(ts.requestId), 'annNl');
    expect(nl.body.draft.title).toBe('Samen TypeScript leren');
  });

  it('POST take: the caller takes it and gets the draft; again is fine; someone else gets 409; the author may not take their own', async () => {
    const own = await call<ApiError>('POST', `${one(ts.requestId)}/take`, 'cleo');
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('own_request');

    const taken = await call<LearningRequestDetailResponse>('POST', `${one(ts.requestId)}/take`, 'host');
    expect(taken.status).toBe(200);
    expect(taken.body.request).toMatchObject({
      status: 'taken',
      takenBy: { userId: people.host.aadObjectId, displayName: people.host.name },
    });
    expect(taken.body.draft.skills).toEqual(['TypeScript']);
    expect(taken.body.draft.description).toContain('Generics, please');
    expect(taken.body.draft.title).toBe('Learn TypeScript together');
    // Taking it again answers the draft again, in the language the tab shows (Teams' tokens carry none).
    const again = await fetch(`${service.url}/api/v1${one(ts.requestId)}/take`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['host']}`, 'accept-language': 'nl' },
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as LearningRequestDetailResponse).draft.title).toBe('Samen TypeScript leren');

    const late = await call<ApiError>('POST', `${one(ts.requestId)}/take`, 'bob');
    expect(late.status).toBe(409);
    expect(late.body.error).toEqual({ code: 'request_taken', message: 'Someone else is already teaching this.' });
    expect((await stored(ts.requestId))?.takenBy).toBe(people.host.aadObjectId);
    // No longer open: off the board, no more votes, and the skill can be asked for again.
    expect((await call<LearningRequestsResponse>('GET', requests, 'ann')).body.requests.some((r) => r.requestId === ts.requestId)).toBe(
      false,
    );
    expect((await call<ApiError>('PUT', `${one(ts.requestId)}/vote`, 'bob')).status).toBe(409);
    expect((await call<CreateLearningRequestResponse>('POST', requests, 'ann', { skill: 'typescript' })).status).toBe(201);
  });

  it('DELETE closes: the author or an owner; anyone else 403', async () => {
    const sql = (await call<CreateLearningRequestResponse>('POST', requests, 'ann', { skill: 'SQL' })).body.request;
    const refused = await call<ApiError>('DELETE', one(sql.requestId), 'bob');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_allowed');
    expect((await stored(sql.requestId))?.status).toBe('open');
    const closed = await call<LearningRequestView>('DELETE', one(sql.requestId), 'host');
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const take = await call<ApiError>('POST', `${one(sql.requestId)}/take`, 'bob');
    expect(take.body.error.code).toBe('request_closed');
    const python = (await call<CreateLearningRequestResponse>('POST', requests, 'ann', { skill: 'Python' })).body.request;
    expect((await call<LearningRequestView>('DELETE', one(python.requestId), 'ann')).body.status).toBe('closed');
  });

  it('bad input: 400 naming every field, in codes the tab translates; nothing stored', async () => {
    const before = (await service.repositories.learningRequests.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).requests.length;
    const res = await call<ApiError>('POST', requests, 'ann', { skill: 'x'.repeat(61), note: 'n'.repeat(501) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.problems).toEqual([
      { field: 'skill', code: 'skillTooLong' },
      { field: 'note', code: 'noteTooLong' },
    ]);
    expect(res.body.error.fields).toEqual({
      skill: 'Keep the skill to at most 60 characters.',
      note: 'Keep the note to at most 500 characters.',
    });
    expect((await call<ApiError>('POST', requests, 'ann', { note: 'what?' })).body.error.problems).toEqual([
      { field: 'skill', code: 'skillRequired' },
    ]);
    expect((await call<ApiError>('POST', requests, 'ann', { skill: '!!!' })).body.error.problems).toEqual([
      { field: 'skill', code: 'skillInvalid' },
    ]);
    expect((await call<ApiError>('POST', requests, 'ann', ['SQL'])).body.error.problems).toEqual([{ field: 'body', code: 'bodyInvalid' }]);
    expect((await service.repositories.learningRequests.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).requests).toHaveLength(before);
  });

  it('403 for someone outside the team; 404 for unknown requests, malformed ids and unknown teams', async () => {
    const outsider = await call<ApiError>('POST', requests, 'stranger', { skill: 'Kusto' });
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe('not_member');
    const excel = (await call<LearningRequestsResponse>('GET', requests, 'ann')).body.requests[0];
    expect((await call<ApiError>('PUT', `${one(excel?.requestId ?? '')}/vote`, 'stranger')).status).toBe(403);
    expect((await call<ApiError>('PUT', `${one('r-unknown')}/vote`, 'ann')).status).toBe(404);
    expect((await call<ApiError>('POST', `${one('r-unknown')}/take`, 'ann')).status).toBe(404);
    expect((await call<ApiError>('GET', one('bad id!'), 'ann')).status).toBe(404);
    expect((await call<ApiError>('GET', `/teams/${encodeURIComponent('19:nope@thread.tacv2')}/requests`, 'ann')).status).toBe(404);
  });

  it('tenant isolation: the same team id in another tenant is another team', async () => {
    const mine = (await call<LearningRequestsResponse>('GET', requests, 'ann')).body.requests;
    expect(mine.length).toBeGreaterThan(0);
    const theirs = await call<LearningRequestsResponse>('GET', requests, 'otherTenant');
    expect(theirs.status).toBe(200);
    expect(theirs.body.requests).toEqual([]);
    const id = mine[0]?.requestId ?? '';
    expect((await call<ApiError>('GET', one(id), 'otherTenant')).status).toBe(404);
    expect((await call<ApiError>('PUT', `${one(id)}/vote`, 'otherTenant')).status).toBe(404);
    expect((await call<ApiError>('DELETE', one(id), 'otherTenant')).status).toBe(404);
    expect((await stored(id))?.status).toBe('open');
  });
});

describe('planning from a request over the API (issue #12)', () => {
  const sessionsPath = `/teams/${encodeURIComponent(TEAM_ID)}/sessions`;
  // The service's own clock (the fixed `clock` plus its ticks): five days on is always ahead.
  const day = new Date(clock.getTime() + 5 * 86_400_000).toISOString().slice(0, 10);
  const form = (title: string, requestId: unknown) => ({ title, date: day, time: '14:00', durationMinutes: 60, requestId });

  it('GET one takes nothing; POST …/sessions with the request takes it; a second planner gets 409 request_planned with the first session', async () => {
    const asked = await call<CreateLearningRequestResponse>('POST', requests, 'cleo', { skill: 'Kubernetes' });
    const id = asked.body.request.requestId;
    expect((await call<LearningRequestDetailResponse>('GET', one(id), 'host')).status).toBe(200);
    expect((await stored(id))?.status).toBe('open');

    const first = await call<CreateSessionResponse>('POST', sessionsPath, 'host', form('Kubernetes from zero', id));
    expect(first.status).toBe(201);
    const sessionId = first.body.sessions[0]?.sessionId;
    const view = await call<LearningRequestDetailResponse>('GET', one(id), 'host');
    expect(view.body.request).toMatchObject({
      status: 'planned',
      sessionId,
      takenBy: { userId: people.host.aadObjectId },
      canHandBack: true,
    });
    const board = await call<LearningRequestsResponse>('GET', requests, 'ann');
    expect(board.body.requests.find((r) => r.requestId === id)).toMatchObject({ status: 'planned', sessionId, canHandBack: false });

    const sessionsBefore = (await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length;
    const second = await call<ApiError>('POST', sessionsPath, 'bob', form('Kubernetes, my way', id));
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'request_planned', sessionId });
    expect((await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length).toBe(sessionsBefore);

    const own = await call<ApiError>('POST', sessionsPath, 'cleo', form('My own', id));
    expect(own.status).toBe(409);
    const malformed = await call<ApiError>('POST', sessionsPath, 'host', form('Bad id', 42));
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_request_id');
  });

  it('POST …/hand-back: 403 not_taker for a colleague, 200 open for the taker, then 409 not_taken', async () => {
    const asked = await call<CreateLearningRequestResponse>('POST', requests, 'cleo', { skill: 'Helm', newSkills: ['Helm'] });
    const id = asked.body.request.requestId;
    expect((await call<CreateSessionResponse>('POST', sessionsPath, 'host', form('Helm charts', id))).status).toBe(201);
    const refused = await call<ApiError>('POST', `${one(id)}/hand-back`, 'bob');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_taker');
    const handed = await call<LearningRequestView>('POST', `${one(id)}/hand-back`, 'host');
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ status: 'open', canHandBack: false });
    expect(handed.body.sessionId).toBeUndefined();
    expect((await call<ApiError>('POST', `${one(id)}/hand-back`, 'host')).body.error.code).toBe('not_taken');
  });
});
