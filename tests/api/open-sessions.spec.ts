import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, OpenSessionsResponse, RsvpResponseBody } from '../../bot/src/api/contract';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import type { RunningService } from '../../bot/src/server';
import { TABLES, openSessionKey } from '../../bot/src/storage/shared/keys';
import { rawTable, session as storedSession } from '../support/storage/fixtures';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { TEAM_ID, people, seedTeam } from '../support/bot/session-fixtures';

// A fake clock: every date below is relative to it.
const NOW = new Date('2026-11-27T12:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60;
const OTHER_TEAM = '19:other-team@thread.tacv2';
const GONE_TEAM = '19:removed-team@thread.tacv2';
const OUTSIDER = '00000000-0000-0000-0000-00000000b001';

let service: RunningService;
let outsider: string;

/** A session of `teamId` starting `startsInMinutes` from NOW, hosted by the fixture team's host. */
const session = (teamId: string, sessionId: string, startsInMinutes: number, extra: Partial<LearningSession> = {}): LearningSession =>
  storedSession(PLAYGROUND_TENANT, teamId, sessionId, {
    title: sessionId,
    skills: [],
    startsAt: new Date(NOW.getTime() + startsInMinutes * MINUTE).toISOString(),
    durationMinutes: 60,
    capacity: null,
    hostId: people.host.aadObjectId,
    teacherIds: [],
    openToOrganisation: true,
    ...extra,
  });

const list = (query = '', token = outsider) => callApi<OpenSessionsResponse & ApiError>(service, token, 'GET', `/sessions/open${query}`);
const ids = (body: OpenSessionsResponse) => body.sessions.map((s) => s.sessionId);

beforeAll(async () => {
  service = await startTestService({ seedDemo: false }, () => NOW);
  const repos = service.repositories;
  await seedTeam(repos, NOW);
  await seedTeam(repos, NOW, PLAYGROUND_TENANT, OTHER_TEAM);
  await seedTeam(repos, NOW, PLAYGROUND_TENANT, GONE_TEAM);
  await repos.teams.update(PLAYGROUND_TENANT, GONE_TEAM, (t) => t && { ...t, name: 'Removed', uninstalledAt: NOW.toISOString() });
  await repos.teams.update(PLAYGROUND_TENANT, OTHER_TEAM, (t) => t && { ...t, name: 'Data team', timeZone: 'America/New_York' });
  // Written one by one through `create`, as the service does.
  for (const s of [
    session(TEAM_ID, 'k8s-intro', DAY, { title: 'Containers for everyone', skills: ['Kubernetes'] }),
    session(OTHER_TEAM, 'sql-clinic', 2 * DAY, { skills: ['SQL'] }),
    session(TEAM_ID, 'team-only', 3 * DAY, { openToOrganisation: false }),
    session(TEAM_ID, 'cancelled', 4 * DAY, { status: 'cancelled' }),
    session(GONE_TEAM, 'orphan', 5 * DAY),
    session(OTHER_TEAM, 'running-now', -30),
    session(OTHER_TEAM, 'ended', -2 * DAY),
    session(TEAM_ID, 'écriture', 6 * DAY, { title: 'Écriture technique', skills: ['Technical writing'] }),
  ])
    await repos.sessions.create(s);
  outsider = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: OUTSIDER, name: 'Olga Outsider' });
});
afterAll(async () => {
  await service?.close();
});

describe('open to everyone: sessions of all teams of the tenant', () => {
  it('lists upcoming open sessions of every installed team, soonest first, to someone in none of the teams', async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(ids(body)).toEqual(['running-now', 'k8s-intro', 'sql-clinic', 'écriture']);
    const sql = body.sessions.find((s) => s.sessionId === 'sql-clinic');
    expect(sql).toMatchObject({ teamId: OTHER_TEAM, teamName: 'Data team', timeZone: 'America/New_York', upcoming: true });
    expect(sql?.host).toEqual({ userId: people.host.aadObjectId, displayName: people.host.name });
    expect(body.nextCursor).toBeUndefined();
  });

  it('searches skills and titles without caring for case or accents', async () => {
    expect(ids((await list('?q=kubernetes')).body)).toEqual(['k8s-intro']);
    expect(ids((await list('?q=CONTAINERS')).body)).toEqual(['k8s-intro']);
    expect(ids((await list('?q=ecriture')).body)).toEqual(['écriture']);
    expect(ids((await list('?q=cobol')).body)).toEqual([]);
  });

  it('pages with a cursor, and the pages add up to the whole list', async () => {
    const first = await list('?limit=3');
    expect(ids(first.body)).toEqual(['running-now', 'k8s-intro', 'sql-clinic']);
    expect(first.body.nextCursor).toBeDefined();
    const second = await list(`?limit=3&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`);
    expect(ids(second.body)).toEqual(['écriture']);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('leaves out the board’s own team before paging, so its many sessions never hide the others', async () => {
    const { body } = await list(`?limit=1&exceptTeam=${encodeURIComponent(TEAM_ID)}`);
    expect(ids(body)).toEqual(['running-now']);
    const next = await list(`?limit=3&exceptTeam=${encodeURIComponent(TEAM_ID)}&cursor=${encodeURIComponent(body.nextCursor ?? '')}`);
    expect(ids(next.body)).toEqual(['sql-clinic']);
    expect(next.body.nextCursor).toBeUndefined();
    expect((await list('?exceptTeam=%3Cscript%3E')).body.error.code).toBe('invalid_team_id');
  });

  it('lets anyone in the tenant answer, and shows their own answer in the list', async () => {
    const rsvp = await callApi<RsvpResponseBody>(
      service,
      outsider,
      'PUT',
      `/teams/${encodeURIComponent(OTHER_TEAM)}/sessions/sql-clinic/rsvp`,
      { response: 'yes' },
    );
    expect(rsvp.status).toBe(200);
    const sql = (await list('?q=sql')).body.sessions[0];
    expect(sql).toMatchObject({ sessionId: 'sql-clinic', myResponse: 'yes', going: 1 });
  });

  it('follows edits: a session no longer open, moved or cancelled leaves or moves in the list', async () => {
    const repos = service.repositories;
    await repos.sessions.update(PLAYGROUND_TENANT, TEAM_ID, 'team-only', (s) => ({ ...s, openToOrganisation: true }));
    expect(ids((await list()).body)).toContain('team-only');
    const later = new Date(NOW.getTime() + 10 * DAY * MINUTE).toISOString();
    await repos.sessions.update(PLAYGROUND_TENANT, TEAM_ID, 'team-only', (s) => ({ ...s, startsAt: later }));
    expect(ids((await list()).body).at(-1)).toBe('team-only');
    await repos.sessions.update(PLAYGROUND_TENANT, TEAM_ID, 'team-only', (s) => ({ ...s, status: 'cancelled' }));
    expect(ids((await list()).body)).not.toContain('team-only');
  });

  it('skips an index row whose session is gone or no longer open (a write cut short)', async () => {
    const key = openSessionKey(PLAYGROUND_TENANT, new Date(NOW.getTime() + DAY * MINUTE).toISOString(), TEAM_ID, 'never-written');
    await rawTable(service.storageConnectionString, TABLES.sessions).upsertEntity({
      ...key,
      teamId: TEAM_ID,
      sessionId: 'never-written',
      startsAt: NOW.toISOString(),
      title: 'x',
      skills: '[]',
    });
    expect(ids((await list()).body)).not.toContain('never-written');
  });

  it('shows nothing of another tenant', async () => {
    const stranger = await devToken(service, { tenantId: '11111111-2222-3333-4444-555555555555', userId: OUTSIDER, name: 'Olga' });
    const { status, body } = await list('', stranger);
    expect(status).toBe(200);
    expect(body.sessions).toEqual([]);
  });

  it('refuses a bad query, limit or cursor clearly', async () => {
    expect((await list(`?q=${'x'.repeat(101)}`)).body.error.code).toBe('invalid_query');
    expect((await list('?limit=0')).body.error.code).toBe('invalid_limit');
    expect((await list('?limit=51')).body.error.code).toBe('invalid_limit');
    const bad = await list('?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_cursor');
    expect((await list('')).status).toBe(200);
    const anonymous = await callApi<ApiError>(service, undefined, 'GET', '/sessions/open');
    expect(anonymous.status).toBe(401);
  });
});
