import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError, InsightsResponse, TeamSettingsResponse } from '../../bot/src/api/contract';
import { csvWords } from '../../bot/src/cards/insights/insights-csv-words';
import { createInsightsService } from '../../bot/src/domain/insights/insights-service';
import { periodOf, periodsBack } from '../../bot/src/domain/insights/periods';
import type { Feedback, LearningSession, Rsvp } from '../../bot/src/domain/sessions/session';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';
import type { EnqueueOptions, Outbox, OutboxJob } from '../../bot/src/domain/delivery/outbox';
import { createSessionService } from '../../bot/src/domain/sessions/session-service';

const TZ = 'Europe/Amsterdam';
const OUTSIDER = '00000000-0000-0000-0000-00000000b001';
const now = new Date();
const DAY = 86_400_000;
const [H, A, B, C] = [people.host, people.ann, people.bob, people.cleo].map((p) => p.aadObjectId) as [string, string, string, string];
let service: RunningService;
const tokens: Record<string, string> = {};

/** Three and two months back (whole months on the team clock): the fixture's range. */
const m3 = periodsBack(now, 3, 'month', TZ);
const m2 = periodsBack(now, 2, 'month', TZ);
const day = (d: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(d);
const range = `from=${day(m3.startsAt)}&to=${day(new Date(m2.endsAt.getTime() - 1))}`;
const at = (start: Date, days: number): string => new Date(start.getTime() + days * DAY + 10 * 3600_000).toISOString();

function session(sessionId: string, startsAt: string, hostId: string, over: Partial<LearningSession> = {}): LearningSession {
  return {
    tenantId: PLAYGROUND_TENANT,
    teamId: TEAM_ID,
    sessionId,
    title: `Session ${sessionId}`,
    description: '',
    skills: ['Kubernetes'],
    format: 'talk',
    startsAt,
    durationMinutes: 60,
    capacity: null,
    hostId,
    teacherIds: [],
    status: 'scheduled',
    openToOrganisation: false,
    counts: { yes: 0, maybe: 0, no: 0 },
    createdAt: at(m3.startsAt, 0),
    updatedAt: at(m3.startsAt, 0),
    ...over,
  };
}
const rsvp = (sessionId: string, userId: string, response: Rsvp['response'], waitlisted = false): Rsvp => ({
  tenantId: PLAYGROUND_TENANT,
  teamId: TEAM_ID,
  sessionId,
  userId,
  response,
  respondedAt: at(m3.startsAt, 0),
  ...(waitlisted ? { waitlisted } : {}),
});
const feedback = (sessionId: string, userId: string, rating: number, learned: boolean): Feedback => ({
  tenantId: PLAYGROUND_TENANT,
  teamId: TEAM_ID,
  sessionId,
  userId,
  rating,
  learnedSomethingNew: learned,
  willApply: '',
  submittedAt: at(m2.startsAt, 20),
});

/**
 * The fixture, by hand. Three months back: s1 (host H; A and B yes, C maybe; A 4 learned, B 5 not; Kubernetes)
 * and s2 (host A, co-teacher B; H, C and B yes; H 3 learned, C 4 learned; Go). Two months back: s3 (host H;
 * A yes, C yes but waitlisted, B no; A 5 learned; Kubernetes) and s4 (cancelled). Two hours ago: s5 (host C, B yes).
 */
const sessions = [
  session('s1', at(m3.startsAt, 9), H),
  session('s2', at(m3.startsAt, 12), A, { teacherIds: [B], skills: ['golang'] }),
  session('s3', at(m2.startsAt, 9), H),
  session('s4', at(m2.startsAt, 11), B, { status: 'cancelled' }),
  session('s5', new Date(now.getTime() - 2 * 3600_000).toISOString(), C),
];
const rsvps = [
  rsvp('s1', A, 'yes'),
  rsvp('s1', B, 'yes'),
  rsvp('s1', C, 'maybe'),
  rsvp('s2', H, 'yes'),
  rsvp('s2', C, 'yes'),
  rsvp('s2', B, 'yes'),
  rsvp('s3', A, 'yes'),
  rsvp('s3', C, 'yes', true),
  rsvp('s3', B, 'no'),
  rsvp('s4', A, 'yes'),
  rsvp('s5', B, 'yes'),
];
const answers = [
  feedback('s1', A, 4, true),
  feedback('s1', B, 5, false),
  feedback('s2', H, 3, true),
  feedback('s2', C, 4, true),
  feedback('s3', A, 5, true),
];

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => now);
  await seedTeam(service.repositories, now);
  const repos = service.repositories;
  await repos.sessions.putMany(sessions);
  await repos.rsvps.putMany(rsvps);
  await repos.feedback.putMany(answers);
  // The fold as the job runs it: the real service over the same storage.
  const insights = createInsightsService({ repositories: repos, outbox: service.outbox, words: csvWords, now: () => now });
  for (const s of sessions) await insights.foldSession(PLAYGROUND_TENANT, TEAM_ID, s.sessionId);
  const as = (userId: string, name: string) => devToken(service, { tenantId: PLAYGROUND_TENANT, userId, name });
  tokens.owner = await as(H, people.host.name);
  tokens.ann = await as(A, people.ann.name);
  tokens.outsider = await as(OUTSIDER, 'Olga Outsider');
});
afterAll(async () => {
  await service?.close();
});

const call = <T>(who: string, method: string, path: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);
const base = `/teams/${encodeURIComponent(TEAM_ID)}`;
const codeOf = (body: unknown) => (body as ApiError).error.code;
const fieldsOf = (body: unknown) => Object.keys((body as ApiError).error.fields ?? {}).sort();

describe('insights API: figures computed by hand', () => {
  it('participation per month, totals, feedback and the skills of the range', async () => {
    const res = await call<InsightsResponse>('ann', 'GET', `${base}/insights?${range}`);
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.granularity).toBe('month');
    expect(r.participation.points.map((p) => [p.period, p.sessionsHeld, p.attendances, p.distinctLearners, p.distinctTeachers])).toEqual([
      [m3.key, 2, 4, 4, 3],
      [m2.key, 1, 1, 1, 1],
    ]);
    expect(r.participation.totals).toEqual({ sessionsHeld: 3, attendances: 5, distinctLearners: 4, distinctTeachers: 3 });
    expect(r.participation.trend).toBe('unknown');
    expect(r.feedback.byMonth).toEqual([
      { key: m3.key, answers: 4, averageRating: 4, learnedRate: 0.75 },
      { key: m2.key, answers: 1 },
    ]);
    expect(r.feedback.bySkill).toEqual([
      { key: 'Kubernetes', answers: 3, averageRating: 4.67, learnedRate: 0.67 },
      { key: 'Go', answers: 2 },
    ]);
    expect(r.feedback.overall).toEqual({ key: 'all', answers: 5, averageRating: 4.2, learnedRate: 0.8 });
    expect(r.quiet).toBeUndefined();
    expect(r.goals).toEqual([]);
    expect(r.skills.people).toHaveLength(4);
  });

  it('by week: every week of the range, zeros included, the same totals', async () => {
    const res = await call<InsightsResponse>('ann', 'GET', `${base}/insights?${range}&granularity=week`);
    expect(res.status).toBe(200);
    const points = res.body.participation.points;
    expect(points.length).toBeGreaterThanOrEqual(8);
    expect(points.reduce((n, p) => n + p.sessionsHeld, 0)).toBe(3);
    const weeksWithSessions = new Set(sessions.slice(0, 3).map((x) => periodOf(new Date(x.startsAt), 'week', TZ).key));
    expect(points.filter((p) => p.sessionsHeld > 0).map((p) => p.period)).toEqual([...weeksWithSessions]);
    expect(res.body.participation.totals).toEqual({ sessionsHeld: 3, attendances: 5, distinctLearners: 4, distinctTeachers: 3 });
  });

  it('owners see the quiet members of the last quietWeeks weeks (set to 2); members do not', async () => {
    const set = await call<TeamSettingsResponse>('owner', 'PUT', `${base}/settings`, { quietWeeks: 2 });
    expect([set.status, set.body.quietWeeks]).toEqual([200, 2]);
    const bad = await call('owner', 'PUT', `${base}/settings`, { quietWeeks: 40 });
    expect([bad.status, fieldsOf(bad.body)]).toEqual([400, ['quietWeeks']]);
    const res = await call<InsightsResponse>('owner', 'GET', `${base}/insights?${range}`);
    const s3Week = periodOf(new Date(sessions[2]?.startsAt ?? ''), 'week', TZ).startsAt.toISOString();
    expect(res.body.quiet?.weeks).toBe(2);
    // B and C took part two hours ago (s5); A and H last in the week of s3 (A attended it, H taught it).
    expect(res.body.quiet?.members).toEqual([
      { userId: A, displayName: 'Ann Attendee', lastTookPartAt: s3Week },
      { userId: H, displayName: 'Hanna Host', lastTookPartAt: s3Week },
    ]);
  });
});

describe('insights CSV', () => {
  it('participation in Dutch: BOM, CRLF, attachment, no-store', async () => {
    const res = await fetch(`${service.url}/api/v1${base}/insights.csv?table=participation&locale=nl&${range}`, {
      headers: { authorization: `Bearer ${tokens.ann}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="peerlearn-participation-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('Periode,Begin van de periode,Sessies gehouden,Aanwezigen,Mensen die leerden,Mensen die lesgaven');
    expect(lines[1]).toBe(`${m3.key},${m3.startsAt.toISOString()},2,4,4,3`);
  });

  it('quiet is for owners: members get 403 owners_only; an unknown table is 400 naming table', async () => {
    const owner = await fetch(`${service.url}/api/v1${base}/insights.csv?table=quiet`, {
      headers: { authorization: `Bearer ${tokens.owner}` },
    });
    expect(owner.status).toBe(200);
    // fetch's text() drops the BOM (checked above from the bytes).
    expect((await owner.text()).split('\r\n')[0]).toBe('Person,Last took part (week of),Nudged at');
    const member = await call('ann', 'GET', `${base}/insights.csv?table=quiet`);
    expect([member.status, codeOf(member.body)]).toEqual([403, 'owners_only']);
    const unknown = await call('ann', 'GET', `${base}/insights.csv?table=people`);
    expect([unknown.status, codeOf(unknown.body), fieldsOf(unknown.body)]).toEqual([400, 'invalid_insights', ['table']]);
  });
});

describe('insights refusals', () => {
  it('outsiders 403 not_member; bad queries 400 naming the field', async () => {
    const outsider = await call('outsider', 'GET', `${base}/insights`);
    expect([outsider.status, codeOf(outsider.body)]).toEqual([403, 'not_member']);
    const cases: [string, string[]][] = [
      ['from=2026-13-01', ['from']],
      ['to=yesterday', ['to']],
      [`from=${day(now)}&to=${day(new Date(now.getTime() - 2 * DAY))}`, ['from']],
      ['from=2020-01-01&to=2024-01-01', ['from']],
      ['granularity=day', ['granularity']],
    ];
    for (const [query, fields] of cases) {
      const res = await call('ann', 'GET', `${base}/insights?${query}`);
      expect([query, res.status, codeOf(res.body), fieldsOf(res.body)]).toEqual([query, 400, 'invalid_insights', fields]);
    }
  });

  it('a planned session enqueues its fold at its end; a cancel after the end folds again and the fact goes', async () => {
    const seen: { job: OutboxJob; options?: EnqueueOptions }[] = [];
    // Records what is enqueued and still puts it in the real queue.
    const tap: Outbox = {
      async enqueue(job, options) {
        seen.push({ job, ...(options ? { options } : {}) });
        await service.outbox.enqueue(job, options);
      },
    };
    const sessionService = createSessionService({ repositories: service.repositories, outbox: tap, now: () => now });
    const ann = { tenantId: PLAYGROUND_TENANT, userId: A };
    const start = new Date(now.getTime() + 3 * DAY);
    const planned = await sessionService.create(ann, TEAM_ID, { title: 'Fold me', startsAt: start.toISOString(), durationMinutes: 30 });
    expect(planned.ok).toBe(true);
    const sessionId = planned.ok ? (planned.value[0]?.sessionId ?? '') : '';
    const folds = () => seen.filter((e) => e.job.kind === 'foldInsights' && e.job.sessionId === sessionId);
    expect(folds().map((e) => e.options?.notBefore?.getTime())).toEqual([start.getTime() + 30 * 60_000]);
    // Cancelled before its end: the fold already queued for the end finds it cancelled; nothing more.
    expect((await sessionService.cancel(ann, TEAM_ID, sessionId)).ok).toBe(true);
    expect(folds()).toHaveLength(1);
    // Cancelled after it was held: folded again at once, and the fact goes.
    const held = session('held', new Date(now.getTime() - DAY).toISOString(), A);
    await service.repositories.sessions.putMany([held]);
    const insights = createInsightsService({ repositories: service.repositories, outbox: tap, words: csvWords, now: () => now });
    await insights.foldSession(PLAYGROUND_TENANT, TEAM_ID, 'held');
    expect(await service.repositories.insights.getFact(PLAYGROUND_TENANT, TEAM_ID, 'held')).toBeDefined();
    expect((await sessionService.cancel(ann, TEAM_ID, 'held')).ok).toBe(true);
    expect(seen.filter((e) => e.job.kind === 'foldInsights' && e.job.sessionId === 'held').map((e) => e.options)).toEqual([undefined]);
    await insights.foldSession(PLAYGROUND_TENANT, TEAM_ID, 'held');
    expect(await service.repositories.insights.getFact(PLAYGROUND_TENANT, TEAM_ID, 'held')).toBeUndefined();
  });
});
