import { beforeAll, describe, expect, it } from '@jest/globals';
import { decodeSessionCursor, loadTeamBoard } from '../../bot/src/domain/sessions/board';
import { isUpcoming } from '../../bot/src/domain/sessions/session';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import type { Repositories, SessionRepository } from '../../bot/src/domain/shared/repositories';
import { ids, profile, session, team } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';

/**
 * The board's first page (issue #16): a team with 250 upcoming sessions had all 250 rows read whole,
 * parsed and validated for a page of 24, on the board's critical path. It now orders and counts them by
 * their timing (a few columns) and reads only the page's rows whole. Counted on the real repositories
 * against Azurite, and checked against the answer worked out from every row.
 */
const storage = useTestStorage();
const HOUR = 3_600_000;
const UPCOMING = 250;
const PAGE = 24;

/** Whole session rows each read hands back, counted around the real repository. */
function counting(sessions: SessionRepository): { sessions: SessionRepository; wholeRows: () => number } {
  let rows = 0;
  const counted =
    <A extends unknown[]>(read: (...args: A) => Promise<LearningSession[]>) =>
    async (...args: A) => {
      const found = await read(...args);
      rows += found.length;
      return found;
    };
  return {
    sessions: {
      ...sessions,
      get: async (...args) => {
        const found = await sessions.get(...args);
        if (found) rows += 1;
        return found;
      },
      listForTeam: counted((...args) => sessions.listForTeam(...args)),
      listForTeamStartingFrom: counted((...args) => sessions.listForTeamStartingFrom(...args)),
      listForTeamStartingBetween: counted((...args) => sessions.listForTeamStartingBetween(...args)),
      listTimingsStartingFrom: (...args) => sessions.listTimingsStartingFrom(...args),
      hasStartedBefore: (...args) => sessions.hasStartedBefore(...args),
    },
    wholeRows: () => rows,
  };
}

/** How many times each of the repository's methods was called. */
function callCounting(sessions: SessionRepository): { sessions: SessionRepository; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const counted = new Proxy(sessions, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      return (...args: unknown[]) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        return Reflect.apply(value, target, args);
      };
    },
  });
  return { sessions: counted, calls };
}

/** The repository with some methods replaced; the others still called on it (the repositories are classes: a spread loses them). */
function replacing<T extends object>(target: T, replaced: Partial<T>): T {
  return new Proxy(target, {
    get(object, name, receiver) {
      if (Object.hasOwn(replaced, name)) return Reflect.get(replaced, name);
      const value: unknown = Reflect.get(object, name, receiver);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

describe('the board’s first page (Azurite)', () => {
  const [tenantId, teamId] = [ids.tenant(), ids.teamsThread()];
  const host = ids.user();
  const boardTeam = team(tenantId, teamId);
  const now = new Date();
  let repos: Repositories;

  beforeAll(async () => {
    repos = storage.repos;
    await repos.teams.upsert(boardTeam);
    await repos.members.putMany([profile(tenantId, host, { displayName: 'Host' })]);
    const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();
    await repos.sessions.putMany([
      // Upcoming, some at the same start (the id breaks the tie), every tenth cancelled.
      ...Array.from({ length: UPCOMING }, (_, i) =>
        session(tenantId, teamId, `up-${String(i).padStart(3, '0')}`, {
          hostId: host,
          teacherIds: [host],
          startsAt: at(2 + Math.floor(i / 2) * 5),
        }),
      ),
      ...Array.from({ length: 25 }, (_, i) =>
        session(tenantId, teamId, `cancelled-${i}`, { hostId: host, teacherIds: [host], startsAt: at(3 + i * 7), status: 'cancelled' }),
      ),
      // Running now (started half an hour ago, an hour long), and past ones.
      session(tenantId, teamId, 'running', { hostId: host, teacherIds: [host], startsAt: at(-0.5), durationMinutes: 60 }),
      ...Array.from({ length: 200 }, (_, i) =>
        session(tenantId, teamId, `past-${i}`, { hostId: host, teacherIds: [host], startsAt: at(-3 - i * 5) }),
      ),
    ]);
  });

  /** The board's answer worked out from every row: the upcoming sessions' ids, soonest first. */
  const upcomingIds = (all: readonly LearningSession[]): string[] =>
    all
      .filter((s) => isUpcoming(s, now))
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.sessionId < b.sessionId ? -1 : 1))
      .map((s) => s.sessionId);

  it('reads the page’s rows whole, not every upcoming one, and answers as a read of every row would', async () => {
    const all = await repos.sessions.listForTeam(tenantId, teamId);
    const expected = upcomingIds(all);
    expect(expected).toHaveLength(UPCOMING + 1);

    const { sessions, wholeRows } = counting(repos.sessions);
    const first = await loadTeamBoard({ ...repos, sessions }, boardTeam, now, { limit: PAGE });
    expect(first?.sessions.map((s) => s.sessionId)).toEqual(expected.slice(0, PAGE));
    expect(first?.upcomingCount).toBe(UPCOMING + 1);
    expect(first?.hasPast).toBe(true);
    expect(first?.people.get(host)?.displayName).toBe('Host');
    // The page, plus the cancelled ones that start among it: not the 251 upcoming ones.
    const [from, to] = [first?.sessions.at(0)?.startsAt ?? '', first?.sessions.at(-1)?.startsAt ?? ''];
    const inSpan = all.filter((s) => s.startsAt >= from && s.startsAt <= to);
    expect(inSpan.length).toBeLessThan(2 * PAGE);
    expect(wholeRows()).toBe(inSpan.length);

    const cursor = decodeSessionCursor(first?.nextCursor ?? '');
    expect(cursor).toBeDefined();
    const second = await loadTeamBoard({ ...repos, sessions }, boardTeam, now, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    expect(second?.sessions.map((s) => s.sessionId)).toEqual(expected.slice(PAGE, 2 * PAGE));
    expect(second?.sessions.every((s) => s.title !== '' && s.hostId === host)).toBe(true);
  });

  it('reads every upcoming session in one scan when no limit is asked (My learning)', async () => {
    const expected = upcomingIds(await repos.sessions.listForTeam(tenantId, teamId));
    const { sessions, calls } = callCounting(repos.sessions);
    const board = await loadTeamBoard({ ...repos, sessions }, boardTeam, now);
    expect(board?.sessions.map((s) => s.sessionId)).toEqual(expected);
    expect(board?.upcomingCount).toBe(expected.length);
    expect(board?.nextCursor).toBeUndefined();
    expect(board?.hasPast).toBe(true);
    const scans = [...calls].filter(([name]) => name.startsWith('list'));
    expect(scans).toEqual([['listForTeamStartingFrom', 1]]);
    expect(calls.get('get') ?? 0).toBe(0);
  });

  it('reads the page’s names beside its rows, not after them, from the timing read’s people', async () => {
    const events: string[] = [];
    const spanRead = replacing<SessionRepository>(repos.sessions, {
      listForTeamStartingBetween: async (...args) => {
        events.push('rows asked');
        const rows = await repos.sessions.listForTeamStartingBetween(...args);
        events.push('rows read');
        return rows;
      },
    });
    const members = replacing<Repositories['members']>(repos.members, {
      getMany: async (...args) => {
        events.push('names asked');
        return repos.members.getMany(...args);
      },
    });
    const page = await loadTeamBoard({ ...repos, sessions: spanRead, members }, boardTeam, now, { limit: PAGE });
    expect(page?.people.get(host)?.displayName).toBe('Host');
    expect(events.indexOf('names asked')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('names asked')).toBeLessThan(events.indexOf('rows read'));

    // A row without a discussion leader: the selected column it lacks reads as none.
    const [otherTeam, leader] = [ids.teamsThread(), ids.user()];
    const { discussionLeaderId, ...noLeader } = session(tenantId, otherTeam, 'no-leader', {
      hostId: host,
      teacherIds: [host, leader],
      startsAt: new Date(now.getTime() + HOUR).toISOString(),
    });
    expect(discussionLeaderId).toBeDefined();
    await repos.sessions.putMany([noLeader]);
    const timings = await repos.sessions.listTimingsStartingFrom(tenantId, otherTeam, now.toISOString());
    expect(timings).toEqual([
      {
        sessionId: 'no-leader',
        startsAt: noLeader.startsAt,
        durationMinutes: noLeader.durationMinutes,
        status: 'scheduled',
        hostId: host,
        // The row lists its host among the teachers (as rows from before the rule may): read, the host is named once.
        teacherIds: [leader],
      },
    ]);
  });

  it('shows a session moved between its timing and its row on the page of its new time only, and leaves it out once cancelled', async () => {
    const { sessions } = counting(repos.sessions);
    const before = await loadTeamBoard(repos, boardTeam, now, { limit: PAGE });
    const moved = before?.sessions[3];
    const cancelled = before?.sessions[5];
    const retaught = before?.sessions[7];
    if (!moved || !cancelled || !retaught) throw new Error('the page has fewer than eight sessions');
    const newTeacher = ids.user();
    await repos.members.putMany([profile(tenantId, newTeacher, { displayName: 'New teacher' })]);
    const movedTo = new Date(now.getTime() + 900 * 24 * HOUR).toISOString();
    // Between the two reads: one session moves out of the page's span of start times, another is cancelled.
    const racing: SessionRepository = {
      ...sessions,
      listTimingsStartingFrom: async (...args) => {
        const timings = await sessions.listTimingsStartingFrom(...args);
        await repos.sessions.update(tenantId, teamId, moved.sessionId, (s) => ({ ...s, startsAt: movedTo }));
        await repos.sessions.update(tenantId, teamId, cancelled.sessionId, (s) => ({ ...s, status: 'cancelled' }));
        await repos.sessions.update(tenantId, teamId, retaught.sessionId, (s) => ({ ...s, teacherIds: [newTeacher] }));
        return timings;
      },
    };
    const page = await loadTeamBoard({ ...repos, sessions: racing }, boardTeam, now, { limit: PAGE });
    const shown = page?.sessions.map((s) => s.sessionId) ?? [];
    expect(shown).not.toContain(moved.sessionId);
    expect(shown).not.toContain(cancelled.sessionId);
    expect(shown).toEqual(before?.sessions.map((s) => s.sessionId).filter((id) => id !== moved.sessionId && id !== cancelled.sessionId));

    // "Load more" to the end, as the tab does: the moved session comes once, at its new time, on the last page.
    expect(page?.sessions.find((s) => s.sessionId === retaught.sessionId)?.teacherIds).toEqual([newTeacher]);
    expect(page?.people.get(newTeacher)?.displayName).toBe('New teacher');

    const pages = [page?.sessions ?? []];
    for (let next = page?.nextCursor; next !== undefined;) {
      const cursor = decodeSessionCursor(next);
      if (!cursor) throw new Error(`not a cursor: ${next}`);
      const more = await loadTeamBoard(repos, boardTeam, now, { limit: PAGE, cursor });
      pages.push(more?.sessions ?? []);
      next = more?.nextCursor;
    }
    const all = pages.flat().map((s) => s.sessionId);
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((id) => id === moved.sessionId)).toHaveLength(1);
    expect(pages.at(-1)?.at(-1)).toMatchObject({ sessionId: moved.sessionId, startsAt: movedTo });
  });
});
