import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type {
  ApiError,
  CreateSessionResponse,
  RsvpResponseBody,
  SessionDetailResponse,
  SuggestLeaderResponse,
} from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, clearQueue, people, queuedJobs, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

let clock = new Date('2026-11-27T12:00:00.000Z');
let service: RunningService;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => clock);
  await seedTeam(service.repositories, clock);
  for (const [key, p] of Object.entries(people))
    tokens[key] = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: p.aadObjectId, name: p.name });
  tokens.stranger = await devToken(service, {
    tenantId: '99999999-0000-0000-0000-000000000000',
    userId: people.ann.aadObjectId,
    name: 'Ann elsewhere',
  });
});
afterAll(async () => {
  await service?.close();
});
beforeEach(async () => {
  clock = new Date('2026-11-27T12:00:00.000Z');
  await clearQueue(service);
});

const call = <T>(method: string, path: string, who: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);

const team = `/teams/${encodeURIComponent(TEAM_ID)}`;
const valid = { title: 'API session', startsAt: '2026-12-03T13:00:00Z', durationMinutes: 60, channelId: CHANNEL_ID, capacity: 2 };

async function create(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await call<CreateSessionResponse>('POST', `${team}/sessions`, 'host', { ...valid, ...overrides });
  expect(res.status).toBe(201);
  const id = res.body.sessions[0]?.sessionId;
  if (!id) throw new Error('no session');
  return id;
}

describe('session API', () => {
  it('POST creates and enqueues the invite', async () => {
    const id = await create();
    expect(await queuedJobs(service)).toEqual([{ kind: 'postInvite', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, sessionId: id }]);
  });

  it('POST with bad input: 400 invalid_session naming every field, nothing stored', async () => {
    const before = (await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length;
    const res = await call<ApiError>('POST', `${team}/sessions`, 'host', {
      title: '',
      startsAt: '2026-11-01T10:00:00Z',
      endsAt: '2026-11-01T09:00:00Z',
      capacity: 0,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_session');
    expect(Object.keys(res.body.error.fields ?? {}).sort()).toEqual(['capacity', 'durationMinutes', 'startsAt', 'title']);
    expect(res.body.error.fields?.durationMinutes).toContain('The end must be after the start.');
    expect((await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length).toBe(before);
    expect(await queuedJobs(service)).toEqual([]);
  });

  it('POST to a team PeerLearn does not know: 404', async () => {
    const res = await call<ApiError>('POST', `/teams/19:unknown@thread.tacv2/sessions`, 'host', valid);
    expect(res.status).toBe(404);
  });

  it('GET detail: roles, attendees, waitlist; questions and feedback only for the host', async () => {
    const id = await create({ teacherIds: [people.bob.aadObjectId], discussionLeaderId: people.cleo.aadObjectId, capacity: 1 });
    await call('PUT', `${team}/sessions/${id}/rsvp`, 'ann', { response: 'yes' });
    const waiting = await call<RsvpResponseBody>('PUT', `${team}/sessions/${id}/rsvp`, 'bob', { response: 'yes' });
    expect(waiting.body).toMatchObject({ response: 'yes', waitlisted: true, going: 1, waitlistCount: 1 });
    await call('POST', `${team}/sessions/${id}/questions`, 'ann', { text: 'Will there be slides?', anonymous: false });
    const anonymous = await call<{ anonymous: boolean }>('POST', `${team}/sessions/${id}/questions`, 'cleo', {
      text: 'Is it OK to ask basic questions?',
      anonymous: true,
    });
    expect(anonymous.status).toBe(201);
    const stored = await service.repositories.questions.listForSession(PLAYGROUND_TENANT, id);
    expect(stored.find((q) => q.text.startsWith('Is it OK'))?.askerId).toBeUndefined();
    expect(JSON.stringify(stored.find((q) => q.text.startsWith('Is it OK')))).not.toContain(people.cleo.aadObjectId);

    const host = await call<SessionDetailResponse>('GET', `${team}/sessions/${id}`, 'host');
    expect(host.status).toBe(200);
    expect(host.body).toMatchObject({
      isHost: true,
      going: 1,
      waitlisted: 1,
      teachers: [{ displayName: 'Bob Builder' }],
      discussionLeader: { displayName: 'Cleo Curious' },
    });
    expect(host.body.attendees.map((p) => p.displayName)).toEqual(['Ann Attendee']);
    expect(host.body.waitlist.map((p) => p.displayName)).toEqual(['Bob Builder']);
    expect(host.body.questions?.map((q) => q.asker?.displayName ?? 'anonymous').sort()).toEqual(['Ann Attendee', 'anonymous']);
    expect(host.body.feedbackSummary).toEqual({
      responses: 0,
      learnedSomethingNew: 0,
      willApply: [],
      applied: { yes: 0, partly: 0, notYet: 0, notes: [] },
    });
    expect(host.body.calendarUrl).toContain('/calendar.ics?tenant=');

    const ann = await call<SessionDetailResponse>('GET', `${team}/sessions/${id}`, 'ann');
    expect(ann.body).toMatchObject({ isHost: false, myResponse: 'yes', myWaitlisted: false });
    expect(ann.body.questions).toBeUndefined();
    expect(ann.body.feedbackSummary).toBeUndefined();
  });

  it('a waitlisted answer and the detail say the place in line (issue #12: "on the waitlist (3rd)")', async () => {
    const id = await create({ capacity: 1 });
    const going = await call<RsvpResponseBody>('PUT', `${team}/sessions/${id}/rsvp`, 'ann', { response: 'yes' });
    expect(going.body.waitlisted).toBe(false);
    expect(going.body.waitlistPosition).toBeUndefined();
    const first = await call<RsvpResponseBody>('PUT', `${team}/sessions/${id}/rsvp`, 'bob', { response: 'yes' });
    const second = await call<RsvpResponseBody>('PUT', `${team}/sessions/${id}/rsvp`, 'cleo', { response: 'yes' });
    expect(first.body).toMatchObject({ waitlisted: true, waitlistPosition: 1 });
    expect(second.body).toMatchObject({ waitlisted: true, waitlistPosition: 2, waitlistCount: 2 });
    expect((await call<SessionDetailResponse>('GET', `${team}/sessions/${id}`, 'cleo')).body).toMatchObject({
      myWaitlisted: true,
      myWaitlistPosition: 2,
    });
    // Bob leaves the line: Cleo moves up.
    await call('PUT', `${team}/sessions/${id}/rsvp`, 'bob', { response: 'no' });
    expect((await call<SessionDetailResponse>('GET', `${team}/sessions/${id}`, 'cleo')).body.myWaitlistPosition).toBe(1);
    expect((await call<SessionDetailResponse>('GET', `${team}/sessions/${id}`, 'ann')).body.myWaitlistPosition).toBeUndefined();
  });

  it('a session of another tenant or a forged id: 404, nothing changes', async () => {
    const id = await create();
    expect((await call('GET', `${team}/sessions/${id}`, 'stranger')).status).toBe(404);
    expect((await call('PUT', `${team}/sessions/${id}/rsvp`, 'stranger', { response: 'yes' })).status).toBe(404);
    expect((await call('GET', `${team}/sessions/not-a-session`, 'ann')).status).toBe(404);
    expect((await call('GET', `${team}/sessions/${encodeURIComponent('../../etc')}`, 'ann')).status).toBe(404);
    expect(await service.repositories.rsvps.listForSession(PLAYGROUND_TENANT, id)).toEqual([]);
  });

  it('PATCH edits (host only) and re-validates; DELETE cancels; RSVP afterwards is 409', async () => {
    const id = await create();
    expect((await call<ApiError>('PATCH', `${team}/sessions/${id}`, 'ann', { title: 'Mine now' })).status).toBe(403);
    const bad = await call<ApiError>('PATCH', `${team}/sessions/${id}`, 'host', { title: '', capacity: -1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(['capacity', 'title']);
    const edited = await call<SessionDetailResponse>('PATCH', `${team}/sessions/${id}`, 'host', {
      title: 'Renamed',
      startsAt: '2026-12-04T13:00:00Z',
    });
    expect(edited.body).toMatchObject({ title: 'Renamed', startsAt: '2026-12-04T13:00:00.000Z', capacity: 2 });
    // An empty place or link removes it; a left-out one is kept.
    await call('PATCH', `${team}/sessions/${id}`, 'host', { place: 'Room 2', onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x' });
    const cleared = await call<SessionDetailResponse>('PATCH', `${team}/sessions/${id}`, 'host', { place: '' });
    expect(cleared.body.place).toBeUndefined();
    expect(cleared.body.onlineUrl).toBe('https://teams.microsoft.com/l/meetup-join/x');
    expect(await queuedJobs(service)).toContainEqual({ kind: 'updateInvite', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, sessionId: id });
    expect((await call('DELETE', `${team}/sessions/${id}`, 'ann')).status).toBe(403);
    const cancelled = await call<SessionDetailResponse>('DELETE', `${team}/sessions/${id}`, 'host');
    expect(cancelled.body.status).toBe('cancelled');
    const late = await call<ApiError>('PUT', `${team}/sessions/${id}/rsvp`, 'ann', { response: 'yes' });
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'session_cancelled' } } });
    expect(await service.repositories.rsvps.listForSession(PLAYGROUND_TENANT, id)).toEqual([]);
  });

  it('PATCH with a larger capacity lets the first in line in and tells them', async () => {
    const id = await create({ capacity: 1 });
    for (const who of ['ann', 'bob', 'cleo']) {
      expect((await call('PUT', `${team}/sessions/${id}/rsvp`, who, { response: 'yes' })).status).toBe(200);
      clock = new Date(clock.getTime() + 1000);
    }
    await clearQueue(service);
    const edited = await call<SessionDetailResponse>('PATCH', `${team}/sessions/${id}`, 'host', { capacity: 2 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ capacity: 2, going: 2, waitlisted: 1 });
    expect(edited.body.attendees.map((p) => p.displayName).sort()).toEqual(['Ann Attendee', 'Bob Builder']);
    expect(edited.body.waitlist.map((p) => p.displayName)).toEqual(['Cleo Curious']);
    const jobs = await queuedJobs(service);
    expect(jobs).toContainEqual(
      expect.objectContaining({ kind: 'notifyPerson', sessionId: id, userId: people.bob.aadObjectId, reason: 'waitlistPromoted' }),
    );
    expect(jobs.filter((j) => j.kind === 'notifyPerson')).toHaveLength(1);
  });

  it('RSVP to a past session is 409 session_past; a bad response is 400', async () => {
    const id = await create();
    expect((await call<ApiError>('PUT', `${team}/sessions/${id}/rsvp`, 'ann', { response: 'sure' })).status).toBe(400);
    clock = new Date('2026-12-03T13:30:00.000Z');
    const late = await call<ApiError>('PUT', `${team}/sessions/${id}/rsvp`, 'ann', { response: 'yes' });
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'session_past' } } });
  });

  it('questions: empty or too long are refused', async () => {
    const id = await create();
    expect((await call<ApiError>('POST', `${team}/sessions/${id}/questions`, 'ann', { text: '  ' })).status).toBe(400);
    expect((await call<ApiError>('POST', `${team}/sessions/${id}/questions`, 'ann', { text: 'x'.repeat(501) })).status).toBe(400);
    expect(await service.repositories.questions.listForSession(PLAYGROUND_TENANT, id)).toEqual([]);
  });

  it('suggests a discussion leader: never the caller (host), who has gone longest without a role', async () => {
    const res = await call<SuggestLeaderResponse>('GET', `${team}/sessions/suggest-discussion-leader`, 'cleo');
    expect(res.status).toBe(200);
    expect(res.body.suggestion?.userId).not.toBe(people.cleo.aadObjectId);
    expect(res.body.suggestion).toBeDefined();
  });

  it('calendar.ics: public with the signed link, 404 without or with an altered token', async () => {
    const id = await create({ title: 'Calendar, please; now', place: 'Room 1' });
    const detail = await call<SessionDetailResponse>('GET', `${team}/sessions/${id}`, 'ann');
    const url = new URL(detail.body.calendarUrl);
    const ics = await fetch(`${service.url}${url.pathname}${url.search}`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const text = await ics.text();
    expect(text).toContain(`UID:${id}@`);
    expect(text).toContain('SUMMARY:Calendar\\, please\\; now\r\n');
    expect(text).toContain('DTSTART:20261203T130000Z');
    const token = url.searchParams.get('token') ?? '';
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await fetch(`${service.url}${url.pathname}?tenant=${PLAYGROUND_TENANT}&token=${altered}`)).status).toBe(404);
    expect((await fetch(`${service.url}${url.pathname}`)).status).toBe(404);
  });
});

describe('the host is not their own co-teacher', () => {
  const host = people.host.aadObjectId;
  const bob = people.bob.aadObjectId;
  const hostIsTeacher = 'The host teaches this session already: choose co-teachers other than the host.';

  it('POST listing the host among the teachers: 400 on teacherIds, nothing stored', async () => {
    const before = (await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length;
    const res = await call<ApiError>('POST', `${team}/sessions`, 'host', { ...valid, teacherIds: [bob, host] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ teacherIds: hostIsTeacher });
    expect(res.body.error.problems).toEqual([{ field: 'teacherIds', code: 'hostIsTeacher' }]);
    expect((await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length).toBe(before);
    expect(await queuedJobs(service)).toEqual([]);
  });

  it('PATCH naming the host as co-teacher: 400, the session keeps its teachers', async () => {
    const id = await create({ teacherIds: [bob] });
    const res = await call<ApiError>('PATCH', `${team}/sessions/${id}`, 'host', { teacherIds: [host, bob] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ teacherIds: hostIsTeacher });
    expect((await service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, id))?.teacherIds).toEqual([bob]);
  });

  it('a session stored before the rule, listing its host as co-teacher: reads with the host once, and edits', async () => {
    const id = await create({ teacherIds: [bob] });
    // As written before the rule: the host among the teachers.
    await service.repositories.sessions.update(PLAYGROUND_TENANT, TEAM_ID, id, (s) => ({ ...s, teacherIds: [host, bob] }));
    const detail = await call<SessionDetailResponse>('GET', `${team}/sessions/${id}`, 'ann');
    expect(detail.status).toBe(200);
    expect(detail.body.host.userId).toBe(host);
    expect(detail.body.teachers.map((p) => p.userId)).toEqual([bob]);
    // An edit that leaves the teachers alone goes through: the kept teachers are read without the host.
    const res = await call<SessionDetailResponse>('PATCH', `${team}/sessions/${id}`, 'host', { title: 'Renamed' });
    expect(res.status).toBe(200);
    expect(await service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, id)).toMatchObject({ title: 'Renamed', teacherIds: [bob] });
  });
});
