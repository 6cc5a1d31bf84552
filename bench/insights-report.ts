// The insights API on a team with two years of history (issue #14 item 6: ≤ 300 ms on loopback).
// Not a test: prints figures for docs/BENCHMARKS.md.
//
//   npm run bench:insights
//
// One team of 200 members (profiles with skills and wants), 5,000 past sessions over two years,
// 50,000 RSVPs (10 a session: 8 yes, 1 maybe, 1 no), 10,000 feedback answers (2 a session), written
// through the repositories in batch transactions; the facts folded by the fold code and written in
// bulk (saveFacts rebuilds every week and month once). Then the real service on loopback answers 30
// requests each (after 3 to warm up) as a team owner, so the quiet members are computed too:
// 2 years by month, 2 years by week, and the participation CSV by week. Median and p95 in ms.
import { subscribe } from 'node:diagnostics_channel';
import os from 'node:os';
import { readConfig } from '../bot/src/config';
import { createJsonLogger } from '../bot/src/json-logger';
import { startService } from '../bot/src/server';
import type { Feedback, LearningSession, Rsvp } from '../bot/src/domain/sessions/session';
import type { MemberProfile } from '../bot/src/domain/experts/member';
import { foldSession } from '../bot/src/domain/insights/session-fold';
import { mulberry32 } from '../bot/src/domain/shared/seeded-random';
import { devToken } from '../tests/support/service';

const TENANT = '00000000-0000-0000-0000-0000000000b1';
const TEAM = '19:insights-bench@thread.tacv2';
const TZ = 'Europe/Amsterdam';
const MEMBERS = 200;
const SESSIONS = 5000;
const RSVPS_PER_SESSION = 10;
const FEEDBACK_PER_SESSION = 2;
const REQUESTS = 30;
const WARM_UP = 3;
const TARGET_P95_MS = 300;
const DAY = 86_400_000;
const SKILLS = ['TypeScript', 'Excel', 'SQL', 'Power BI', 'Azure', 'Python', 'Scrum', 'Figma', 'Kubernetes', 'Go', 'Rust', 'Docker'];

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const userId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function history(now: Date) {
  const random = mulberry32(14);
  const pick = <T>(all: readonly T[]): T => all[Math.floor(random() * all.length)] as T;
  const at = now.toISOString();
  const profiles: MemberProfile[] = Array.from({ length: MEMBERS }, (_, i) => ({
    tenantId: TENANT,
    userId: userId(i),
    displayName: `Person ${i}`,
    bio: '',
    teaches: random() < 0.6 ? [{ name: pick(SKILLS), level: (1 + Math.floor(random() * 3)) as 1 | 2 | 3 }] : [],
    wants: random() < 0.7 ? [pick(SKILLS), pick(SKILLS)] : [],
    languages: ['nl'],
    availability: '',
    createdAt: at,
    updatedAt: at,
  }));
  const span = 2 * 365 * DAY - 2 * DAY;
  const sessions: LearningSession[] = [];
  const rsvps: Rsvp[] = [];
  const feedback: Feedback[] = [];
  for (let s = 0; s < SESSIONS; s += 1) {
    const startsAt = new Date(now.getTime() - DAY - Math.floor((s / SESSIONS) * span)).toISOString();
    const host = Math.floor(random() * MEMBERS);
    const sessionId = `bench-${String(s).padStart(5, '0')}`;
    sessions.push({
      tenantId: TENANT,
      teamId: TEAM,
      sessionId,
      title: `Session ${s}`,
      description: '',
      skills: [pick(SKILLS)],
      format: 'talk',
      startsAt,
      durationMinutes: 45,
      capacity: null,
      hostId: userId(host),
      teacherIds: [],
      status: 'scheduled',
      openToOrganisation: false,
      counts: { yes: 8, maybe: 1, no: 1 },
      createdAt: startsAt,
      updatedAt: startsAt,
    });
    const people = new Set<number>();
    while (people.size < RSVPS_PER_SESSION) {
      const p = Math.floor(random() * MEMBERS);
      if (p !== host) people.add(p);
    }
    [...people].forEach((p, i) => {
      const response = i < 8 ? 'yes' : i === 8 ? 'maybe' : 'no';
      rsvps.push({ tenantId: TENANT, teamId: TEAM, sessionId, userId: userId(p), response, respondedAt: startsAt });
      if (i < FEEDBACK_PER_SESSION) {
        feedback.push({
          tenantId: TENANT,
          teamId: TEAM,
          sessionId,
          userId: userId(p),
          rating: 1 + Math.floor(random() * 5),
          learnedSomethingNew: random() < 0.7,
          willApply: '',
          submittedAt: startsAt,
        });
      }
    });
  }
  return { profiles, sessions, rsvps, feedback };
}

// Storage calls: every HTTP request this process starts goes to Azurite (the bench's own requests to
// the service use fetch, which does not go through node:http). The expert index's 1 s feed poll is
// counted too: about one call a second, a few per 30 requests.
let storageCalls = 0;
subscribe('http.client.request.start', () => {
  storageCalls += 1;
});

/** Wall times of each request, sorted, the process's CPU time per request (the service runs in this process), and storage calls per request. */
// `before` runs ahead of each request, outside the figures (the cold case's fold and profile writes).
async function timed(
  url: string,
  token: string,
  before?: (i: number) => Promise<void>,
): Promise<{ ms: number[]; cpuMs: number; callsPerRequest: number }> {
  const ms: number[] = [];
  let cpuMicros = 0;
  let calls = 0;
  for (let i = 0; i < WARM_UP + REQUESTS; i += 1) {
    await before?.(i);
    const [cpu, callsBefore, started] = [process.cpuUsage(), storageCalls, performance.now()];
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    if (i < WARM_UP) continue;
    ms.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
    calls += storageCalls - callsBefore;
  }
  return { ms: ms.sort((a, b) => a - b), cpuMs: cpuMicros / 1000 / REQUESTS, callsPerRequest: calls / REQUESTS };
}

async function main(): Promise<void> {
  const now = new Date();
  const service = await startService(
    {
      ...readConfig({ NODE_ENV: 'test' }),
      port: 0,
      seedDemo: false,
      delivery: { ...readConfig({ NODE_ENV: 'test' }).delivery, worker: false },
    },
    { log: createJsonLogger({ level: 'error' }), inMemoryStorage: true },
  );
  try {
    const repos = service.repositories;
    const seedStarted = performance.now();
    const { profiles, sessions, rsvps, feedback } = history(now);
    await repos.tenants.upsert({ tenantId: TENANT, name: 'Bench', createdAt: now.toISOString() });
    await repos.teams.upsert({
      tenantId: TENANT,
      teamId: TEAM,
      name: 'Bench team',
      locale: 'en-US',
      timeZone: TZ,
      channels: [],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    await repos.members.putMany(profiles);
    await repos.teams.addMembers(
      profiles.map((p, i) => ({
        tenantId: TENANT,
        teamId: TEAM,
        userId: p.userId,
        role: i === 0 ? 'owner' : 'member',
        joinedAt: now.toISOString(),
      })),
    );
    // BENCH_QUICK=1 leaves the sessions, RSVPs and feedback out of storage (the report never reads them):
    // for trying a change to the report in seconds; the figures in docs/BENCHMARKS.md are from full runs.
    if (process.env.BENCH_QUICK !== '1') {
      await repos.sessions.putMany(sessions);
      await repos.rsvps.putMany(rsvps);
      await repos.feedback.putMany(feedback);
    }
    const bySession = <T extends { readonly sessionId: string }>(rows: readonly T[]): Map<string, T[]> => {
      const map = new Map<string, T[]>();
      for (const row of rows) map.set(row.sessionId, [...(map.get(row.sessionId) ?? []), row]);
      return map;
    };
    const rsvpsOf = bySession(rsvps);
    const feedbackOf = bySession(feedback);
    const facts = sessions.map((s) => foldSession(s, rsvpsOf.get(s.sessionId) ?? [], feedbackOf.get(s.sessionId) ?? [], now));
    const foldStarted = performance.now();
    await repos.insights.saveFacts(TENANT, TEAM, facts, TZ);
    await repos.insights.claimBackfill(TENANT, TEAM, now.toISOString(), TZ);
    const seededMs = Math.round(performance.now() - seedStarted);
    const foldMs = Math.round(performance.now() - foldStarted);

    const token = await devToken(service, { tenantId: TENANT, userId: userId(0), name: 'Person 0' });
    const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(d);
    const range = `from=${day(new Date(now.getTime() - 2 * 365 * DAY))}&to=${day(now)}`;
    const base = `${service.url}/api/v1/teams/${encodeURIComponent(TEAM)}`;
    const cases = {
      byMonth: `${base}/insights?${range}&granularity=month`,
      byWeek: `${base}/insights?${range}&granularity=week`,
      csvByWeek: `${base}/insights.csv?table=participation&${range}&granularity=week`,
    };
    const afterFold = async (i: number) => {
      const fact = facts[i % facts.length];
      if (fact) await repos.insights.saveFact(TENANT, TEAM, fact.sessionId, fact, TZ);
    };
    // The report's worst case: a session was folded and every member's profile changed since the last
    // report, so nothing read before can be used (as on a team's first report after a restart).
    const cold = async (i: number) => {
      await afterFold(i);
      await repos.members.putMany(profiles);
    };
    const figures: Record<string, { median: number; p95: number; max: number; cpuPerRequest: number; storageCallsPerRequest: number }> = {};
    for (const [name, url, before] of [
      ...Object.entries(cases),
      ['byWeekAfterFold', cases.byWeek, afterFold] as const,
      ['byWeekAfterFoldAndProfileChanges', cases.byWeek, cold] as const,
    ]) {
      const { ms, cpuMs, callsPerRequest } = await timed(url, token, before);
      figures[name] = {
        median: Math.round(percentile(ms, 50)),
        p95: Math.round(percentile(ms, 95)),
        max: Math.round(ms.at(-1) ?? NaN),
        cpuPerRequest: Math.round(cpuMs),
        storageCallsPerRequest: Math.round(callsPerRequest * 10) / 10,
      };
    }
    const loadAverage = os.loadavg().map((n) => Math.round(n * 10) / 10);
    console.log(
      JSON.stringify(
        {
          members: MEMBERS,
          sessions: SESSIONS,
          rsvps: rsvps.length,
          feedback: feedback.length,
          quick: process.env.BENCH_QUICK === '1',
          seedMs: seededMs,
          foldInBulkMs: foldMs,
          requests: REQUESTS,
          ms: figures,
          targetP95Ms: TARGET_P95_MS,
          loadAverage,
        },
        null,
        2,
      ),
    );
    console.table(
      Object.entries(figures).map(([request, f]) => ({
        request,
        'median ms': f.median,
        'p95 ms': f.p95,
        'max ms': f.max,
        'CPU ms/request': f.cpuPerRequest,
        'storage calls/request': f.storageCallsPerRequest,
        target: `p95 ≤ ${TARGET_P95_MS} ms`,
        result: f.p95 <= TARGET_P95_MS ? 'met' : 'not met',
      })),
    );
    console.log(`load average (1, 5, 15 min): ${loadAverage.join(', ')}`);
  } finally {
    await service.close();
  }
}

await main();
