import type { Repositories } from '../shared/repositories';
import { isUpcoming } from './session';
import type { LearningSession, SessionTiming } from './session';
import { DURATION_MAX } from './session-rules';
import type { Team } from '../teams/team';
import { namesOf } from '../teams/person-names';
import type { NamedPerson, NameSources } from '../teams/person-names';

export interface TeamBoard {
  readonly kind: 'upcoming';
  readonly team: Team;
  /** Scheduled sessions that have not ended yet, soonest first (one page of them when a limit was asked). */
  readonly sessions: readonly LearningSession[];
  /** How many upcoming sessions there are in all. */
  readonly upcomingCount: number;
  /** Hand back to get the next page of upcoming sessions; absent on the last page. */
  readonly nextCursor?: string;
  /** Whether the team has past or cancelled sessions (listed on demand by `loadPastSessions`). */
  readonly hasPast: boolean;
  /** Everyone a session names (host, teachers, discussion leader), by user id. */
  readonly people: ReadonlyMap<string, NamedPerson>;
}

export interface PastSessionsPage {
  readonly kind: 'past';
  readonly team: Team;
  /** Past and cancelled sessions, most recent first. */
  readonly sessions: readonly LearningSession[];
  readonly people: ReadonlyMap<string, NamedPerson>;
  /** Hand back to get the next page; absent on the last page. */
  readonly nextCursor?: string;
}

/** `known`: profile names in memory (the warm expert index), asked before any profile is read. */
type BoardRepositories = Pick<Repositories, 'teams' | 'sessions' | 'members'> & Pick<NameSources, 'known'>;

// Storage filters on the start time; a session that started up to the longest duration ago (plus a day
// of slack for any odd time format) may still be running, and the exact rule runs here.
const RUNNING_WINDOW_MS = (DURATION_MAX + 24 * 60) * 60_000;

/**
 * The board: the team's upcoming sessions with the people they name. Reads only the recent end of the
 * team's sessions, so a team with years of history answers as fast as a new one. For a page (a limit),
 * of those only the timing and whom each names (a few columns, `SessionTiming`) to order and count them,
 * then the page's rows whole: a team with 250 upcoming sessions had all 250 rows read, parsed and
 * validated for a page of 24 (issue #16, ≈ 48 ms of CPU between the service and the storage emulator, on
 * the board's critical path). Without a limit every row is needed: read whole, once. The team is the one
 * the caller checked (read once per board, not again here).
 */
export async function loadTeamBoard(
  repos: BoardRepositories,
  team: Team,
  now: Date,
  page: { readonly limit?: number; readonly cursor?: SessionCursor } = {},
): Promise<TeamBoard> {
  const { tenantId, teamId } = team;
  const cutoff = new Date(now.getTime() - RUNNING_WINDOW_MS).toISOString();
  const [upcoming, olderExist] = await Promise.all([
    upcomingPage(repos, tenantId, teamId, cutoff, now, page),
    repos.sessions.hasStartedBefore(tenantId, teamId, cutoff),
  ]);
  const { sessions, people, nextCursor } = upcoming;
  return {
    kind: 'upcoming',
    team,
    sessions,
    upcomingCount: upcoming.count,
    hasPast: olderExist || upcoming.endedOrCancelled,
    people,
    ...(nextCursor ? { nextCursor } : {}),
  };
}

interface UpcomingPage {
  readonly sessions: readonly LearningSession[];
  readonly people: ReadonlyMap<string, NamedPerson>;
  /** Upcoming sessions in all, not only this page's. */
  readonly count: number;
  /** Whether the recent end read holds sessions that ended or were cancelled. */
  readonly endedOrCancelled: boolean;
  readonly nextCursor?: string;
}

/**
 * One page of the upcoming sessions. Without a limit the page is every upcoming session (My learning
 * asks so for each team), so their whole rows are read at once: ordering by the timing first would only
 * add a second read of the same rows.
 */
async function upcomingPage(
  repos: BoardRepositories,
  tenantId: string,
  teamId: string,
  cutoff: string,
  now: Date,
  page: { readonly limit?: number; readonly cursor?: SessionCursor },
): Promise<UpcomingPage> {
  if (page.limit === undefined) {
    const recent = await repos.sessions.listForTeamStartingFrom(tenantId, teamId, cutoff);
    const upcoming = recent.filter((s) => isUpcoming(s, now)).sort(soonestFirst);
    const { sessions, nextCursor } = pageOf(upcoming, soonestFirst, page);
    return {
      sessions,
      people: await peopleOf(repos, tenantId, teamId, sessions),
      count: upcoming.length,
      endedOrCancelled: upcoming.length < recent.length,
      ...(nextCursor ? { nextCursor } : {}),
    };
  }
  const recent = await repos.sessions.listTimingsStartingFrom(tenantId, teamId, cutoff);
  const upcoming = recent.filter((s) => isUpcoming(s, now)).sort(soonestFirst);
  const { sessions: timings, nextCursor } = pageOf(upcoming, soonestFirst, page);
  // The timing names the page's people, so their names are read beside the page's rows, not after them.
  const [sessions, named] = await Promise.all([
    sessionsOfPage(repos, tenantId, teamId, timings, now),
    peopleOf(repos, tenantId, teamId, timings),
  ]);
  return {
    sessions,
    people: await withPeopleChangedMeanwhile(repos, tenantId, teamId, sessions, idsOf(timings), named),
    count: upcoming.length,
    endedOrCancelled: upcoming.length < recent.length,
    ...(nextCursor ? { nextCursor } : {}),
  };
}

/** One page of the team's past (ended or cancelled) sessions, most recent first. */
export async function loadPastSessions(
  repos: BoardRepositories,
  team: Team,
  now: Date,
  page: { readonly limit: number; readonly cursor?: SessionCursor },
): Promise<PastSessionsPage> {
  const { tenantId, teamId } = team;
  const all = await repos.sessions.listForTeam(tenantId, teamId);
  const past = all.filter((s) => !isUpcoming(s, now)).sort(newestFirst);
  const { sessions, nextCursor } = pageOf(past, newestFirst, page);
  return { kind: 'past', team, sessions, people: await peopleOf(repos, tenantId, teamId, sessions), ...(nextCursor ? { nextCursor } : {}) };
}

/** Where a page ended: the sessions that sort after it come next. Stable while sessions are added or end. */
export interface SessionCursor {
  readonly startsAt: string;
  readonly sessionId: string;
}

type Order = (a: SessionCursor, b: SessionCursor) => number;

const byId = (a: SessionCursor, b: SessionCursor): number => (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0);
const soonestFirst: Order = (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || byId(a, b);
const newestFirst: Order = (a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt) || byId(a, b);

function pageOf<T extends SessionCursor>(
  sorted: readonly T[],
  order: Order,
  page: { readonly limit?: number; readonly cursor?: SessionCursor },
): { sessions: readonly T[]; nextCursor?: string } {
  const { cursor, limit = sorted.length } = page;
  const start = cursor ? sorted.findIndex((s) => order(s, cursor) > 0) : 0;
  const from = start === -1 ? sorted.length : start;
  const sessions = sorted.slice(from, from + limit);
  const last = sessions.at(-1);
  return from + limit < sorted.length && last ? { sessions, nextCursor: encodeSessionCursor(last) } : { sessions };
}

function encodeSessionCursor(cursor: SessionCursor): string {
  return `${cursor.startsAt}_${cursor.sessionId}`;
}

/** Undefined for anything that is not a cursor this module wrote. */
export function decodeSessionCursor(text: string): SessionCursor | undefined {
  const at = text.indexOf('_');
  if (at <= 0 || at === text.length - 1) return undefined;
  const startsAt = text.slice(0, at);
  const sessionId = text.slice(at + 1);
  if (Number.isNaN(Date.parse(startsAt)) || !/^[A-Za-z0-9._:@-]{1,200}$/.test(sessionId)) return undefined;
  return { startsAt, sessionId };
}

/**
 * The whole rows of one page of upcoming sessions, in the page's order: one read of the page's span of
 * start times. Only rows that still sort inside the page stay, at their current place: a session moved
 * out of the span between the two reads belongs on the page of its new time, not here too (the tab joins
 * pages without dedupe: the same card twice), and one cancelled or deleted meanwhile is left out.
 */
async function sessionsOfPage(
  repos: BoardRepositories,
  tenantId: string,
  teamId: string,
  page: readonly SessionTiming[],
  now: Date,
): Promise<LearningSession[]> {
  const first = page.at(0);
  const last = page.at(-1);
  if (!first || !last) return [];
  const pageIds = new Set(page.map((s) => s.sessionId));
  const rows = await repos.sessions.listForTeamStartingBetween(tenantId, teamId, first.startsAt, last.startsAt);
  return rows
    .filter((s) => pageIds.has(s.sessionId) && soonestFirst(s, first) >= 0 && soonestFirst(s, last) <= 0 && isUpcoming(s, now))
    .sort(soonestFirst);
}

type NamingSession = Pick<LearningSession, 'hostId' | 'teacherIds' | 'discussionLeaderId'>;

function idsOf(sessions: readonly NamingSession[]): Set<string> {
  const ids = new Set<string>();
  for (const s of sessions) {
    ids.add(s.hostId);
    s.teacherIds.forEach((id) => ids.add(id));
    if (s.discussionLeaderId) ids.add(s.discussionLeaderId);
  }
  return ids;
}

async function peopleOf(
  repos: BoardRepositories,
  tenantId: string,
  teamId: string,
  sessions: readonly NamingSession[],
): Promise<Map<string, NamedPerson>> {
  return namesOf(repos, tenantId, idsOf(sessions), teamId);
}

/**
 * The names of the page's sessions as their rows are: those named by their timing, plus any named since
 * (a teacher changed between the two reads; rare, so only then a read more), without anyone they no
 * longer name.
 */
async function withPeopleChangedMeanwhile(
  repos: BoardRepositories,
  tenantId: string,
  teamId: string,
  sessions: readonly LearningSession[],
  asked: ReadonlySet<string>,
  named: ReadonlyMap<string, NamedPerson>,
): Promise<Map<string, NamedPerson>> {
  const ids = idsOf(sessions);
  const added = [...ids].filter((id) => !asked.has(id));
  const more = added.length > 0 ? await namesOf(repos, tenantId, added, teamId) : new Map<string, NamedPerson>();
  const people = new Map<string, NamedPerson>();
  for (const id of ids) {
    const person = named.get(id) ?? more.get(id);
    if (person) people.set(id, person);
  }
  return people;
}
