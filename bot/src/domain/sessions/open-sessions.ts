import { fold } from '../experts/text-fold';
import type { PersonRef } from '../shared/person';
import type { OpenSessionRef, Repositories } from '../shared/repositories';
import type { Team } from '../teams/team';
import { namesOf } from '../teams/person-names';
import type { NamedPerson } from '../teams/person-names';
import { DURATION_MAX } from './session-limits';
import { isUpcoming } from './session';
import type { LearningSession, Rsvp } from './session';

/** One page of "open to everyone" (DESIGN F4: sessions any colleague in the tenant may join). */
interface OpenSessionsPage {
  readonly sessions: readonly { readonly session: LearningSession; readonly team: Team; readonly mine?: Rsvp }[];
  readonly people: ReadonlyMap<string, NamedPerson>;
  /** Opaque; absent on the last page. */
  readonly nextCursor?: string;
}

interface OpenSessionsQuery {
  /** Matched against the skills and the title, case and accents folded; empty or absent: everything. */
  readonly search?: string;
  readonly limit: number;
  readonly cursor?: string;
  /** A team whose own sessions the reader sees elsewhere already (the board's): left out before paging. */
  readonly exceptTeamId?: string;
}

export const OPEN_SESSIONS_PAGE_MAX = 50;
export const OPEN_SEARCH_MAX = 100;

// A cursor is the index position of the last session shown: start|team|session, base64url.
function encodeOpenCursor(ref: Pick<OpenSessionRef, 'startsAt' | 'teamId' | 'sessionId'>): string {
  return Buffer.from(JSON.stringify([ref.startsAt, ref.teamId, ref.sessionId]), 'utf8').toString('base64url');
}

function decodeOpenCursor(cursor: string): readonly [string, string, string] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'string' && v.length > 0))
      return [value[0] as string, value[1] as string, value[2] as string];
  } catch {
    // not a cursor this service made
  }
  return undefined;
}

const after = (ref: OpenSessionRef, cursor: readonly [string, string, string]): boolean => {
  const a = [ref.startsAt, ref.teamId, ref.sessionId];
  for (let i = 0; i < 3; i += 1) {
    if (a[i] !== cursor[i]) return (a[i] as string) > (cursor[i] as string);
  }
  return false;
};

function matches(ref: Pick<OpenSessionRef, 'title' | 'skills'>, search: string): boolean {
  if (search === '') return true;
  return [ref.title, ...ref.skills].some((text) => fold(text).includes(search));
}

interface OpenSessionsDeps {
  readonly repositories: Pick<Repositories, 'sessions' | 'teams' | 'members' | 'rsvps'>;
  readonly now: () => Date;
}

/**
 * The tenant's upcoming sessions open to the whole organisation, across all its teams, soonest
 * first, searchable by skill or title. Anyone signed in to the tenant may list and join them; a
 * session of a team that removed PeerLearn, a cancelled one, or one no longer open is left out.
 */
export function createOpenSessions(deps: OpenSessionsDeps) {
  const repos = deps.repositories;
  return {
    async page(actor: PersonRef, query: OpenSessionsQuery): Promise<OpenSessionsPage | 'badCursor'> {
      const cursor = query.cursor === undefined ? undefined : decodeOpenCursor(query.cursor);
      if (query.cursor !== undefined && !cursor) return 'badCursor';
      const now = deps.now();
      // A session still running is still worth joining: look back one longest session.
      const from = new Date(now.getTime() - DURATION_MAX * 60_000).toISOString();
      const search = fold(query.search ?? '').trim();
      const [refs, teams, answers] = await Promise.all([
        repos.sessions.listOpenToOrganisation(actor.tenantId, from),
        repos.teams.listForTenant(actor.tenantId),
        repos.rsvps.listForUser(actor.tenantId, actor.userId),
      ]);
      const teamById = new Map(teams.filter((t) => !t.uninstalledAt).map((t) => [t.teamId, t]));
      const candidates = refs.filter(
        (r) => teamById.has(r.teamId) && r.teamId !== query.exceptTeamId && matches(r, search) && (!cursor || after(r, cursor)),
      );
      const found: { session: LearningSession; team: Team; ref: OpenSessionRef }[] = [];
      let index = 0;
      // Read the sessions a page at a time; the index may hold a stale row, which is skipped.
      while (found.length < query.limit && index < candidates.length) {
        const batch = candidates.slice(index, index + query.limit - found.length);
        index += batch.length;
        const sessions = await Promise.all(batch.map((r) => repos.sessions.get(actor.tenantId, r.teamId, r.sessionId)));
        sessions.forEach((session, i) => {
          const ref = batch[i] as OpenSessionRef;
          if (session && session.openToOrganisation && isUpcoming(session, now))
            found.push({ session, team: teamById.get(ref.teamId) as Team, ref });
        });
      }
      const mine = new Map(answers.map((a) => [a.sessionId, a]));
      const people = await namesOf(
        repos,
        actor.tenantId,
        found.flatMap(({ session }) => [
          session.hostId,
          ...session.teacherIds,
          ...(session.discussionLeaderId ? [session.discussionLeaderId] : []),
        ]),
      );
      const last = found.at(-1);
      return {
        sessions: found.map(({ session, team }) => {
          const answer = mine.get(session.sessionId);
          return { session, team, ...(answer ? { mine: answer } : {}) };
        }),
        people,
        ...(last && index < candidates.length ? { nextCursor: encodeOpenCursor(last.ref) } : {}),
      };
    },
  };
}

export type OpenSessions = ReturnType<typeof createOpenSessions>;

/** A session a person may share from the messaging extension: which team holds it. */
export interface FoundSession {
  readonly session: LearningSession;
  readonly team: Team;
}

/**
 * `findSession` (messaging extension): upcoming sessions the person may join — those of their own
 * teams and those open to the whole organisation — matching `text` in a title or a skill, soonest
 * first. A handful of reads: the person's teams, one range read per team, the open index.
 */
export function createSessionSearch(deps: OpenSessionsDeps) {
  const repos = deps.repositories;
  return async function findSessions(actor: PersonRef, text: string, limit: number): Promise<FoundSession[]> {
    const now = deps.now();
    const from = new Date(now.getTime() - DURATION_MAX * 60_000).toISOString();
    const search = fold(text.slice(0, OPEN_SEARCH_MAX)).trim();
    const [memberships, teams, openRefs] = await Promise.all([
      repos.teams.listTeamsOf(actor.tenantId, actor.userId),
      repos.teams.listForTenant(actor.tenantId),
      repos.sessions.listOpenToOrganisation(actor.tenantId, from),
    ]);
    const teamById = new Map(teams.filter((t) => !t.uninstalledAt).map((t) => [t.teamId, t]));
    const mine = [...new Set(memberships.map((m) => m.teamId))].filter((id) => teamById.has(id));
    const own = (await Promise.all(mine.map((teamId) => repos.sessions.listForTeamStartingFrom(actor.tenantId, teamId, from)))).flat();
    const seen = new Set(own.map((s) => `${s.teamId}|${s.sessionId}`));
    const openRefsLeft = openRefs.filter((r) => teamById.has(r.teamId) && !seen.has(`${r.teamId}|${r.sessionId}`) && matches(r, search));
    const open = await Promise.all(openRefsLeft.slice(0, limit).map((r) => repos.sessions.get(actor.tenantId, r.teamId, r.sessionId)));
    const found = [...own.filter((s) => matches(s, search)), ...open.filter((s): s is LearningSession => s?.openToOrganisation === true)]
      .filter((s) => isUpcoming(s, now))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .slice(0, limit);
    return found.map((session) => ({ session, team: teamById.get(session.teamId) as Team }));
  };
}
