import type { MemberProfile } from './member';
import type { Repositories } from './repositories';
import { compareForBoard, isUpcoming } from './session';
import type { LearningSession } from './session';
import { DURATION_MAX } from './session-rules';
import type { Team } from './team';

export interface TeamBoard {
  readonly team: Team;
  /** Scheduled sessions that have not ended yet, soonest first. */
  readonly sessions: readonly LearningSession[];
  /** Whether the team has past or cancelled sessions (listed on demand by `loadPastSessions`). */
  readonly hasPast: boolean;
  /** Everyone a session names (host, teachers, discussion leader), by user id. */
  readonly people: ReadonlyMap<string, MemberProfile>;
}

export interface PastSessionsPage {
  readonly team: Team;
  /** Past and cancelled sessions, most recent first. */
  readonly sessions: readonly LearningSession[];
  readonly people: ReadonlyMap<string, MemberProfile>;
  /** Hand back to get the next page; absent on the last page. */
  readonly nextCursor?: string;
}

type BoardRepositories = Pick<Repositories, 'teams' | 'sessions' | 'members'>;

// Storage filters on the start time; a session that started up to the longest duration ago (plus a day
// of slack for any odd time format) may still be running, and the exact rule runs here.
const RUNNING_WINDOW_MS = (DURATION_MAX + 24 * 60) * 60_000;

/**
 * The board: the team's upcoming sessions with the people they name. Reads only the recent end of the
 * team's sessions, so a team with years of history answers as fast as a new one. Undefined when the
 * team is not in this tenant.
 */
export async function loadTeamBoard(repos: BoardRepositories, tenantId: string, teamId: string, now: Date): Promise<TeamBoard | undefined> {
  const cutoff = new Date(now.getTime() - RUNNING_WINDOW_MS).toISOString();
  const [team, recent, olderExist] = await Promise.all([
    repos.teams.get(tenantId, teamId),
    repos.sessions.listForTeamStartingFrom(tenantId, teamId, cutoff),
    repos.sessions.hasStartedBefore(tenantId, teamId, cutoff),
  ]);
  if (!team) return undefined;
  const upcoming = recent.filter((s) => isUpcoming(s, now)).sort(compareForBoard(now));
  const hasPast = olderExist || upcoming.length < recent.length;
  return { team, sessions: upcoming, hasPast, people: await peopleOf(repos, tenantId, upcoming) };
}

/** One page of the team's past (ended or cancelled) sessions, most recent first. */
export async function loadPastSessions(
  repos: BoardRepositories,
  tenantId: string,
  teamId: string,
  now: Date,
  page: { readonly limit: number; readonly cursor?: PastCursor },
): Promise<PastSessionsPage | undefined> {
  const [team, all] = await Promise.all([repos.teams.get(tenantId, teamId), repos.sessions.listForTeam(tenantId, teamId)]);
  if (!team) return undefined;
  const past = all.filter((s) => !isUpcoming(s, now)).sort(newestFirst);
  const { cursor } = page;
  const start = cursor ? past.findIndex((s) => newestFirst(s, cursor) > 0) : 0;
  const from = start === -1 ? past.length : start;
  const sessions = past.slice(from, from + page.limit);
  const last = sessions.at(-1);
  const more = from + page.limit < past.length && last !== undefined;
  return {
    team,
    sessions,
    people: await peopleOf(repos, tenantId, sessions),
    ...(more ? { nextCursor: encodePastCursor({ startsAt: last.startsAt, sessionId: last.sessionId }) } : {}),
  };
}

/** Where a page of past sessions ended: sessions that sort after it come next. Stable while new sessions end. */
export interface PastCursor {
  readonly startsAt: string;
  readonly sessionId: string;
}

function newestFirst(a: Pick<LearningSession, 'startsAt' | 'sessionId'>, b: Pick<LearningSession, 'startsAt' | 'sessionId'>): number {
  const d = Date.parse(b.startsAt) - Date.parse(a.startsAt);
  if (d !== 0) return d;
  return a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0;
}

export function encodePastCursor(cursor: PastCursor): string {
  return `${cursor.startsAt}_${cursor.sessionId}`;
}

/** Undefined for anything that is not a cursor this module wrote. */
export function decodePastCursor(text: string): PastCursor | undefined {
  const at = text.indexOf('_');
  if (at <= 0 || at === text.length - 1) return undefined;
  const startsAt = text.slice(0, at);
  const sessionId = text.slice(at + 1);
  if (Number.isNaN(Date.parse(startsAt)) || !/^[A-Za-z0-9._:@-]{1,200}$/.test(sessionId)) return undefined;
  return { startsAt, sessionId };
}

async function peopleOf(repos: BoardRepositories, tenantId: string, sessions: readonly LearningSession[]): Promise<Map<string, MemberProfile>> {
  const ids = new Set<string>();
  for (const s of sessions) {
    ids.add(s.hostId);
    s.teacherIds.forEach((id) => ids.add(id));
    if (s.discussionLeaderId) ids.add(s.discussionLeaderId);
  }
  const profiles = await repos.members.getMany(tenantId, [...ids]);
  const people = new Map<string, MemberProfile>();
  for (const p of profiles) people.set(p.userId, p);
  return people;
}
