import { QueueServiceClient } from '@azure/storage-queue';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { because } from '../support/eventually';
import type { ApiError, CreateSessionResponse, SessionChangeResponse } from '../../bot/src/api/contract';
import { readConfig } from '../../bot/src/config';
import type { EnqueueOptions, Outbox, OutboxJob } from '../../bot/src/domain/delivery/outbox';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { createSessionService } from '../../bot/src/domain/sessions/session-service';
import { toDateAndTimeInputs } from '../../bot/src/domain/shared/zoned-time';
import type { RunningService } from '../../bot/src/server';
import { QUEUES } from '../../bot/src/storage/shared/keys';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, clearQueue, people, queuedJobs, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

// A weekly series on Tuesdays 12:00 Amsterdam time; summer time ends on Sunday 25 October 2026.
const FIRST = '2026-10-13T10:00:00.000Z';
const PLANNED_AT = new Date('2026-10-01T08:00:00.000Z');
// The first occurrence has taken place.
const LATER = new Date('2026-10-14T08:00:00.000Z');
const TZ = 'Europe/Amsterdam';

let clock = PLANNED_AT;
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
beforeEach(() => {
  clock = PLANNED_AT;
});

const call = <T>(method: string, path: string, who: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);

const team = `/teams/${encodeURIComponent(TEAM_ID)}`;

/** Plans a fresh series; the first occurrence is over and the third cancelled on its own, as history. */
async function plannedSeries(title: string): Promise<string[]> {
  clock = PLANNED_AT;
  const res = await call<CreateSessionResponse>('POST', `${team}/sessions`, 'host', {
    title,
    startsAt: FIRST,
    durationMinutes: 60,
    channelId: CHANNEL_ID,
    place: 'Room 1',
    recurrence: 'weekly',
  });
  expect(res.status).toBe(201);
  const ids = res.body.sessions.map((s) => s.sessionId);
  expect(ids).toHaveLength(8);
  clock = LATER;
  expect((await call('DELETE', `${team}/sessions/${ids[2]}`, 'host')).status).toBe(200);
  await clearQueue(service);
  return ids;
}

async function stored(ids: readonly string[]): Promise<LearningSession[]> {
  const all = await Promise.all(ids.map((id) => service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, id)));
  return all.map((s) => {
    if (!s) throw new Error('missing session');
    return s;
  });
}

/** Every message in the jobs queue, the scheduled (still invisible) ones included. */
async function queueLength(): Promise<number> {
  const queue = QueueServiceClient.fromConnectionString(service.storageConnectionString).getQueueClient(QUEUES.jobs);
  return (await queue.getProperties()).approximateMessagesCount ?? -1;
}

const local = (iso: string) => toDateAndTimeInputs(new Date(iso), TZ);
const at = <T>(list: readonly T[], i: number): T => {
  const item = list[i];
  if (item === undefined) throw new Error(`nothing at ${i}`);
  return item;
};

describe('editing a series: this and all later sessions', () => {
  it('PATCH ?scope=following moves the later scheduled occurrences by the same wall-clock change and renames them; past and cancelled stay', async () => {
    const ids = await plannedSeries('Lunch talk');
    const before = await stored(ids);
    const res = await call<SessionChangeResponse>('PATCH', `${team}/sessions/${ids[1]}?scope=following`, 'host', {
      title: 'Lunch & learn',
      date: '2026-10-20',
      time: '12:30',
      place: 'Room 2',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sessionId: ids[1], title: 'Lunch & learn', startsAt: '2026-10-20T10:30:00.000Z', changed: 6 });

    const after = await stored(ids);
    // The past first one and the cancelled third one are history.
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).toEqual(before[2]);
    const changed = after.filter((_, i) => i !== 0 && i !== 2);
    expect(changed.map((s) => s.title)).toEqual(Array(6).fill('Lunch & learn'));
    expect(changed.map((s) => s.place)).toEqual(Array(6).fill('Room 2'));
    // 12:30 local on every date, before and after the daylight-saving change, each on its own date.
    expect(changed.map((s) => local(s.startsAt).time)).toEqual(Array(6).fill('12:30'));
    expect(changed.map((s) => local(s.startsAt).date)).toEqual(
      before.filter((_, i) => i !== 0 && i !== 2).map((s) => local(s.startsAt).date),
    );
    expect(at(after, 3).startsAt).toBe('2026-11-03T11:30:00.000Z');

    // Each moved occurrence: its invite card updated now; two reminders, the feedback request and the insights fold re-planned for later.
    const visible = await queuedJobs(service);
    expect(
      visible
        .filter((j) => j.kind === 'updateInvite')
        .map((j) => j.kind === 'updateInvite' && j.sessionId)
        .sort(),
    ).toEqual(changed.map((s) => s.sessionId).sort());
    expect(visible.filter((j) => j.kind !== 'updateInvite')).toEqual([]);
    expect(await queueLength()).toBe(6 + 6 * 4);
  });

  it('without a scope only the occurrence addressed changes', async () => {
    const ids = await plannedSeries('Only one');
    const res = await call<SessionChangeResponse>('PATCH', `${team}/sessions/${ids[1]}`, 'host', { title: 'Just this week' });
    expect(res.body).toMatchObject({ title: 'Just this week', changed: 1 });
    expect((await stored(ids)).map((s) => s.title)).toEqual(['Only one', 'Just this week', ...Array(6).fill('Only one')]);
    expect(await queuedJobs(service)).toEqual([{ kind: 'updateInvite', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, sessionId: ids[1] }]);
  });

  it('a later occurrence that would be invalid: 400 naming the problem, nothing stored, nothing enqueued', async () => {
    const ids = await plannedSeries('All or nothing');
    // The sixth was moved on its own to a channel the team has since removed.
    await service.repositories.sessions.update(PLAYGROUND_TENANT, TEAM_ID, at(ids, 5), (s) => ({
      ...s,
      channelId: '19:removed@thread.tacv2',
    }));
    const before = await stored(ids);
    const res = await call<ApiError>('PATCH', `${team}/sessions/${ids[1]}?scope=following`, 'host', {
      title: 'Renamed',
      time: '13:00',
      date: '2026-10-20',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_session');
    expect(res.body.error.problems).toEqual([{ field: 'channelId', code: 'channelUnknown' }]);
    expect(await stored(ids)).toEqual(before);
    expect(await queueLength()).toBe(0);
  });

  it('invalid input for the one addressed: 400, nothing stored', async () => {
    const ids = await plannedSeries('Still valid');
    const before = await stored(ids);
    const res = await call<ApiError>('PATCH', `${team}/sessions/${ids[1]}?scope=following`, 'host', { title: '', capacity: 0 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields ?? {}).sort()).toEqual(['capacity', 'title']);
    expect(await stored(ids)).toEqual(before);
    expect(await queueLength()).toBe(0);
  });

  it('not the host: 403; a scope other than one or following: 400 invalid_scope; nothing changes', async () => {
    const ids = await plannedSeries('Guarded');
    const before = await stored(ids);
    const path = `${team}/sessions/${ids[1]}`;
    expect((await call<ApiError>('PATCH', `${path}?scope=following`, 'ann', { title: 'Mine' })).status).toBe(403);
    expect((await call<ApiError>('DELETE', `${path}?scope=following`, 'ann')).status).toBe(403);
    for (const [method, query] of [
      ['PATCH', '?scope=all'],
      ['DELETE', '?scope=all'],
      ['PATCH', '?scope=following&scope=one'],
      ['DELETE', '?scope='],
    ] as const) {
      const res = await call<ApiError>(method, `${path}${query}`, 'host', method === 'PATCH' ? { title: 'x' } : undefined);
      because(`${method} ${query}`, () => expect(res.status).toBe(400));
      expect(res.body.error.code).toBe('invalid_scope');
      expect(res.body.error.message).toContain('later sessions');
    }
    expect(await stored(ids)).toEqual(before);
    expect(await queueLength()).toBe(0);
  });
});

describe('cancelling a series: this and all later sessions', () => {
  it('DELETE ?scope=following cancels this and every later scheduled occurrence, updates each card and tells who was coming', async () => {
    const ids = await plannedSeries('Stopping soon');
    expect((await call('PUT', `${team}/sessions/${ids[6]}/rsvp`, 'ann', { response: 'yes' })).status).toBe(200);
    await clearQueue(service);
    const res = await call<SessionChangeResponse>('DELETE', `${team}/sessions/${ids[4]}?scope=following`, 'host');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sessionId: ids[4], status: 'cancelled', changed: 4 });
    expect((await stored(ids)).map((s) => s.status)).toEqual([
      'scheduled',
      'scheduled',
      'cancelled',
      'scheduled',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    const jobs = await queuedJobs(service);
    expect(jobs.filter((j) => j.kind === 'updateInvite').map((j) => j.kind === 'updateInvite' && j.sessionId)).toEqual(ids.slice(4));
    expect(jobs.filter((j) => j.kind === 'notifyPerson')).toEqual([
      {
        kind: 'notifyPerson',
        tenantId: PLAYGROUND_TENANT,
        teamId: TEAM_ID,
        sessionId: ids[6],
        userId: people.ann.aadObjectId,
        reason: 'sessionCancelled',
      },
    ]);

    // Again from an earlier one: only what is still scheduled changes; the cancelled ones are not announced twice.
    await clearQueue(service);
    const again = await call<SessionChangeResponse>('DELETE', `${team}/sessions/${ids[1]}?scope=following`, 'host');
    expect(again.body).toMatchObject({ changed: 2 });
    expect((await queuedJobs(service)).map((j) => j.kind === 'updateInvite' && j.sessionId)).toEqual([ids[1], ids[3]]);
    // A cancelled one cannot be edited any more.
    expect((await call<ApiError>('PATCH', `${team}/sessions/${ids[1]}?scope=following`, 'host', { title: 'Back?' })).status).toBe(409);
  });
});

describe('the re-planned reminders (domain service over the real storage)', () => {
  it('each moved occurrence gets reminders and a feedback request for its new start', async () => {
    const ids = await plannedSeries('Reminded');
    const seen: { job: OutboxJob; options?: EnqueueOptions }[] = [];
    // Records what is enqueued and still puts it in the real queue.
    const tap: Outbox = {
      async enqueue(job, options) {
        seen.push({ job, ...(options ? { options } : {}) });
        await service.outbox.enqueue(job, options);
      },
    };
    const sessions = createSessionService({ repositories: service.repositories, outbox: tap, now: () => clock });
    const host = { tenantId: PLAYGROUND_TENANT, userId: people.host.aadObjectId, displayName: people.host.name };
    const edited = await sessions.edit(
      host,
      TEAM_ID,
      at(ids, 3),
      { date: '2026-11-03', time: '12:15', durationMinutes: 45 },
      { scope: 'following' },
    );
    expect(edited.ok && edited.value.changed).toBe(5);
    const moved = (await stored(ids)).slice(3);
    for (const s of moved) {
      expect(local(s.startsAt).time).toBe('12:15');
      expect(s.durationMinutes).toBe(45);
      const start = Date.parse(s.startsAt);
      const mine = seen.filter((e) => 'sessionId' in e.job && e.job.sessionId === s.sessionId);
      expect(mine.map((e) => [e.job.kind, e.options?.notBefore?.getTime()])).toEqual([
        ['postReminder', start - 24 * 3600_000],
        ['postReminder', start - 15 * 60_000],
        ['requestFeedback', start + 45 * 60_000],
        ['foldInsights', start + 45 * 60_000],
        ['updateInvite', undefined],
      ]);
      expect(mine.slice(0, 3).map((e) => e.job.kind !== 'postKudos' && 'forStartsAt' in e.job && e.job.forStartsAt)).toEqual([
        s.startsAt,
        s.startsAt,
        s.startsAt,
      ]);
    }
    expect(seen).toHaveLength(5 * 5);
  });
});
