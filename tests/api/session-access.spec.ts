import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError, CreateSessionResponse, RsvpResponseBody } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, clearQueue, people, queuedJobs, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

/**
 * Who may do what with a team's sessions, on every endpoint: the session's host (a member), an owner
 * of the team, another member, someone of the same organisation outside the team, and someone of
 * another organisation. The attacks of the trust issue each have a row here.
 */
const now = new Date();
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
let service: RunningService;
const tokens: Record<Actor, string> = { host: '', owner: '', member: '', outsider: '', otherTenant: '' };
type Actor = 'host' | 'owner' | 'member' | 'outsider' | 'otherTenant';

const OUTSIDER = { name: 'Olga Outsider', aadObjectId: '00000000-0000-0000-0000-00000000a0ff' };

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => now);
  await seedTeam(service.repositories, now);
  // Someone of the organisation PeerLearn knows (a profile), in no team.
  const at = now.toISOString();
  await service.repositories.members.put({
    tenantId: PLAYGROUND_TENANT,
    userId: OUTSIDER.aadObjectId,
    displayName: OUTSIDER.name,
    bio: '',
    teaches: [],
    wants: [],
    languages: [],
    availability: '',
    createdAt: at,
    updatedAt: at,
  });
  const as = (userId: string, name: string, tenantId = PLAYGROUND_TENANT) => devToken(service, { tenantId, userId, name });
  tokens.host = await as(people.ann.aadObjectId, people.ann.name); // a member who hosts
  tokens.owner = await as(people.host.aadObjectId, people.host.name); // seedTeam makes this person the owner
  tokens.member = await as(people.bob.aadObjectId, people.bob.name);
  tokens.outsider = await as(OUTSIDER.aadObjectId, OUTSIDER.name);
  tokens.otherTenant = await as(people.bob.aadObjectId, 'Bob elsewhere', '99999999-0000-0000-0000-000000000000');
});
afterAll(async () => {
  await service?.close();
});
beforeEach(async () => {
  await clearQueue(service);
});

const team = `/teams/${encodeURIComponent(TEAM_ID)}`;
const call = <T>(who: Actor, method: string, path: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);
const draft = (overrides: Record<string, unknown> = {}) => ({
  title: 'Access session',
  startsAt: inDays(5),
  durationMinutes: 45,
  channelId: CHANNEL_ID,
  ...overrides,
});

async function plan(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await call<CreateSessionResponse>('host', 'POST', `${team}/sessions`, draft(overrides));
  expect(res.status).toBe(201);
  const id = res.body.sessions[0]?.sessionId;
  if (!id) throw new Error('no session');
  return id;
}

const status = async (res: Promise<{ status: number; body: unknown }>) => {
  const { status: code, body } = await res;
  const error = (body as Partial<ApiError>).error?.code;
  return error ? `${code} ${error}` : `${code}`;
};

describe('a team-only session', () => {
  it.each<[Actor, string]>([
    ['host', '201'],
    ['owner', '201'],
    ['member', '201'],
    ['outsider', '403 not_member'],
    ['otherTenant', '404 not_found'],
  ])('planning it as %s: %s', async (who, expected) => {
    const before = await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    expect(await status(call(who, 'POST', `${team}/sessions`, draft()))).toBe(expected);
    const after = await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    expect(after.length - before.length).toBe(expected === '201' ? 1 : 0);
    if (expected !== '201') expect(await queuedJobs(service)).toEqual([]);
  });

  it('a weekly series planned by an outsider stores nothing and posts nothing', async () => {
    const before = (await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length;
    const res = call('outsider', 'POST', `${team}/sessions`, draft({ recurrence: 'weekly', teacherIds: [people.cleo.aadObjectId] }));
    expect(await status(res)).toBe('403 not_member');
    expect((await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length).toBe(before);
    expect(await queuedJobs(service)).toEqual([]);
  });

  it.each<[Actor, string]>([
    ['host', '200'],
    ['owner', '200'],
    ['member', '200'],
    ['outsider', '403 not_member'],
    ['otherTenant', '404 not_found'],
  ])('reading it (with its attendees) as %s: %s', async (who, expected) => {
    const id = await plan();
    await call('member', 'PUT', `${team}/sessions/${id}/rsvp`, { response: 'yes' });
    expect(await status(call(who, 'GET', `${team}/sessions/${id}`))).toBe(expected);
  });

  it.each<[Actor, string]>([
    ['host', '200'],
    ['owner', '200'],
    ['member', '200'],
    ['outsider', '403 not_member'],
    ['otherTenant', '404 not_found'],
  ])('answering it as %s: %s', async (who, expected) => {
    const id = await plan();
    expect(await status(call(who, 'PUT', `${team}/sessions/${id}/rsvp`, { response: 'yes' }))).toBe(expected);
  });

  it('an outsider cannot take the only seat', async () => {
    const id = await plan({ capacity: 1 });
    expect(await status(call('outsider', 'PUT', `${team}/sessions/${id}/rsvp`, { response: 'yes' }))).toBe('403 not_member');
    const seat = await call<RsvpResponseBody>('member', 'PUT', `${team}/sessions/${id}/rsvp`, { response: 'yes' });
    expect(seat.status).toBe(200);
    expect(seat.body).toMatchObject({ waitlisted: false, going: 1 });
  });

  it.each<[Actor, string]>([
    ['host', '201'],
    ['owner', '201'],
    ['member', '201'],
    ['outsider', '403 not_member'],
    ['otherTenant', '404 not_found'],
  ])('asking the host a question as %s: %s', async (who, expected) => {
    const id = await plan();
    expect(await status(call(who, 'POST', `${team}/sessions/${id}/questions`, { text: 'What should I bring?' }))).toBe(expected);
  });

  it.each<[Actor, string]>([
    ['host', '200'],
    ['owner', '200'],
    ['member', '403 not_host'],
    ['outsider', '403 not_host'],
    ['otherTenant', '404 not_found'],
  ])('editing it as %s: %s', async (who, expected) => {
    const id = await plan();
    expect(await status(call(who, 'PATCH', `${team}/sessions/${id}`, { title: 'Renamed' }))).toBe(expected);
    const stored = await service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, id);
    expect(stored?.title).toBe(expected === '200' ? 'Renamed' : 'Access session');
  });

  it.each<[Actor, string]>([
    ['host', '200'],
    ['owner', '200'],
    ['member', '403 not_host'],
    ['outsider', '403 not_host'],
    ['otherTenant', '404 not_found'],
  ])('cancelling it as %s: %s', async (who, expected) => {
    const id = await plan();
    expect(await status(call(who, 'DELETE', `${team}/sessions/${id}`))).toBe(expected);
    const stored = await service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, id);
    expect(stored?.status).toBe(expected === '200' ? 'cancelled' : 'scheduled');
  });

  it.each<[Actor, string]>([
    ['host', '200'],
    ['owner', '200'],
    ['member', '200'],
    ['outsider', '403 not_member'],
    ['otherTenant', '404 not_found'],
  ])('reading the board and the discussion-leader suggestion as %s: %s', async (who, expected) => {
    const id = await plan();
    expect(await status(call(who, 'GET', `${team}/sessions`))).toBe(expected);
    expect(await status(call(who, 'GET', `${team}/sessions?when=past`))).toBe(expected);
    expect(await status(call(who, 'GET', `${team}/sessions/suggest-discussion-leader`))).toBe(expected);
    expect(await status(call(who, 'GET', `${team}/sessions/${id}/suggest-discussion-leader`))).toBe(expected);
  });
});

describe('the people named on a session', () => {
  it('teachers and the discussion leader must be members of the team', async () => {
    for (const named of [
      { teacherIds: [OUTSIDER.aadObjectId] },
      { discussionLeaderId: OUTSIDER.aadObjectId },
      { teacherIds: ['nobody-at-all'] },
    ]) {
      const res = await call<ApiError>('host', 'POST', `${team}/sessions`, draft(named));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_session');
      const field = 'discussionLeaderId' in named ? 'discussionLeaderId' : 'teacherIds';
      expect(res.body.error.fields?.[field]).toContain('must be members of this team');
    }
    expect(await queuedJobs(service)).toEqual([]);
  });

  it('a member can be named; an edit cannot name an outsider either', async () => {
    const id = await plan({ teacherIds: [people.cleo.aadObjectId] });
    const res = await call<ApiError>('host', 'PATCH', `${team}/sessions/${id}`, { teacherIds: [OUTSIDER.aadObjectId] });
    expect(res.status).toBe(400);
    expect((await service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, id))?.teacherIds).toEqual([people.cleo.aadObjectId]);
  });

  it('a session open to the organisation may name anyone PeerLearn knows in the tenant, but not an unknown id', async () => {
    await plan({ openToOrganisation: true, teacherIds: [OUTSIDER.aadObjectId] });
    const res = await call<ApiError>(
      'host',
      'POST',
      `${team}/sessions`,
      draft({ openToOrganisation: true, teacherIds: ['nobody-at-all'] }),
    );
    expect(res.status).toBe(400);
  });
});

describe('a session open to the organisation', () => {
  it.each<[Actor, string, string, string]>([
    ['outsider', '200', '200', '201'],
    ['otherTenant', '404 not_found', '404 not_found', '404 not_found'],
  ])('as %s: read %s, answer %s, ask %s', async (who, read, answer, ask) => {
    const id = await plan({ openToOrganisation: true });
    expect(await status(call(who, 'GET', `${team}/sessions/${id}`))).toBe(read);
    expect(await status(call(who, 'PUT', `${team}/sessions/${id}/rsvp`, { response: 'yes' }))).toBe(answer);
    expect(await status(call(who, 'POST', `${team}/sessions/${id}/questions`, { text: 'Is it recorded?' }))).toBe(ask);
  });

  it('is still changed only by its host and the team’s owners', async () => {
    const id = await plan({ openToOrganisation: true });
    expect(await status(call('outsider', 'PATCH', `${team}/sessions/${id}`, { title: 'Mine now' }))).toBe('403 not_host');
    expect(await status(call('outsider', 'DELETE', `${team}/sessions/${id}`))).toBe('403 not_host');
  });
});
