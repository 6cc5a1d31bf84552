import type { Candidate } from './discussion-leader';
import { suggestDiscussionLeader } from './discussion-leader';
import { summariseFeedback } from './feedback-summary';
import type { FeedbackSummary } from './feedback-summary';
import type { Outbox } from '../delivery/outbox';
import type { PersonRef } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import { failWith, ok } from '../shared/result';
import type { Result, SessionFailure } from '../shared/result';
import { laterOccurrences, occurrenceInput, seriesChange } from './series-change';
import type { SeriesScope } from './series-change';
import { isUpcoming, namedRoleOf } from './session';
import type { Feedback, LearningSession, Rsvp } from './session';
import { waitlistPosition } from '../rsvp/rsvp-rules';
import { createSessionCardView } from './session-card-view';
import { sessionChanges } from './session-changes';
import { loadSession } from './session-lookup';
import { namesOf } from '../teams/person-names';
import type { NamedPerson } from '../teams/person-names';
import type { SessionQuestion } from './session-question';
import { sessionsFromDraft, validateSessionInput } from './session-rules';
import { createRequestSessions } from '../requests/request-sessions';
import type { SessionDraft, SessionProblem } from './session-rules';
import type { Team } from '../teams/team';
import { createTeamAccess, mayChange, mayPlan, mayTakePart } from '../teams/team-access';
import { settingsOf } from '../teams/team-settings';

type Outcome<T> = Result<T, SessionFailure>;
const fail = failWith<SessionFailure>('session');

export interface SessionDetail {
  readonly session: LearningSession;
  readonly team: Team;
  readonly people: ReadonlyMap<string, NamedPerson>;
  readonly rsvps: readonly Rsvp[];
  readonly viewerRsvp?: Rsvp;
  /** When the viewer waits in line: their place (1 = next to get a seat). */
  readonly viewerWaitlistPosition?: number;
  readonly viewerIsHost: boolean;
  /** The host or an owner of the team (`mayChange`): the edit form and cancel are theirs. */
  readonly viewerMayChange: boolean;
  /** Only for the host. */
  readonly questions?: readonly SessionQuestion[];
  /** Only for the host: feedback stays theirs (DESIGN F5). */
  readonly feedbackSummary?: FeedbackSummary;
  readonly viewerFeedback?: Feedback;
}

/** An edit or cancel: the session addressed (as stored now) and how many sessions changed (more than one for a series). */
interface ChangedSessions {
  readonly session: LearningSession;
  readonly changed: number;
}

interface PlanningContext {
  readonly team: Team;
  readonly members: readonly Candidate[];
  readonly suggestedLeader?: Candidate;
  readonly timeZone: string;
}

interface SessionServiceDeps {
  readonly repositories: Repositories;
  readonly outbox: Outbox;
  readonly now: () => Date;
  readonly newId?: () => string;
}

export type SessionService = ReturnType<typeof createSessionService>;

/** The team's time zone setting (Dutch time when unset or the team is unknown). */
export const timeZoneOf = (team: Team | undefined): string => settingsOf(team).timeZone;

/** Sessions: every surface (bot, messaging extension, tab API) goes through these operations. */
export function createSessionService(deps: SessionServiceDeps) {
  const { repositories: repos } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());

  const people = (tenantId: string, ids: Iterable<string>) => namesOf(repos, tenantId, ids);
  const load = (tenantId: string, teamId: string, sessionId: string) => loadSession(repos.sessions, tenantId, teamId, sessionId);
  const { schedule, applyEdit, applyCancel, tellNamed, applyDecline } = sessionChanges(deps);
  const access = createTeamAccess(repos.teams);
  const fromRequests = createRequestSessions(deps);

  /** In the tenant: someone with a profile (they used the app) or a membership of one of its teams (the roster). */
  async function unknownInTenant(tenantId: string, userIds: readonly string[]): Promise<string[]> {
    const found = new Set((await repos.members.getMany(tenantId, userIds)).map((p) => p.userId));
    const rest = userIds.filter((id) => !found.has(id));
    const inTeams = await Promise.all(rest.map(async (id) => (await repos.teams.listTeamsOf(tenantId, id)).length > 0));
    return rest.filter((_, i) => !inTeams[i]);
  }

  /** Teachers and the discussion leader are the team's members (anyone in the tenant for a session open to the organisation). */
  async function peopleProblems(tenantId: string, teamId: string, draft: SessionDraft): Promise<SessionProblem[]> {
    const named = [...new Set([...draft.teacherIds, ...(draft.discussionLeaderId ? [draft.discussionLeaderId] : [])])];
    if (named.length === 0) return [];
    const unknown = draft.openToOrganisation ? await unknownInTenant(tenantId, named) : await access.outsiders(tenantId, teamId, named);
    const problems: SessionProblem[] = [];
    if (draft.teacherIds.some((id) => unknown.includes(id))) problems.push({ field: 'teacherIds', code: 'peopleNotInTeam' });
    if (draft.discussionLeaderId && unknown.includes(draft.discussionLeaderId)) {
      problems.push({ field: 'discussionLeaderId', code: 'peopleNotInTeam' });
    }
    return problems;
  }

  async function planningContext(tenantId: string, teamId: string, hostId: string): Promise<Outcome<PlanningContext>> {
    const team = await repos.teams.get(tenantId, teamId);
    if (!team) return fail({ kind: 'teamUnknown' });
    const [memberships, sessions] = await Promise.all([
      repos.teams.listMembers(tenantId, teamId),
      repos.sessions.listForTeam(tenantId, teamId),
    ]);
    // The roster's names; a person's own profile name only for rows without one (older rows, the installer).
    const unnamed = [...memberships.filter((m) => !m.displayName).map((m) => m.userId), hostId];
    const names = await people(tenantId, unnamed);
    const members: NamedPerson[] = memberships.flatMap((m) => {
      const displayName = m.displayName || names.get(m.userId)?.displayName;
      return displayName ? [{ userId: m.userId, displayName }] : [];
    });
    const host = names.get(hostId);
    if (host && !members.some((m) => m.userId === hostId)) members.push(host);
    const suggestedLeader = suggestDiscussionLeader(members, sessions, hostId);
    return ok({ team, members, ...(suggestedLeader ? { suggestedLeader } : {}), timeZone: timeZoneOf(team) });
  }

  async function planningFor(actor: PersonRef, teamId: string): Promise<Outcome<PlanningContext>> {
    if (!(await repos.teams.get(actor.tenantId, teamId))) return fail({ kind: 'teamUnknown' });
    if (!mayPlan(await access.standing(actor, teamId))) return fail({ kind: 'notMember' });
    return planningContext(actor.tenantId, teamId, actor.userId);
  }

  return {
    planningContext,

    /** For the person about to plan (the tab's form): channels, members and the suggestion, named only to the team's members. */
    planningFor,

    /** For the person about to plan: the team's members are named only to its members. */
    async suggestLeader(actor: PersonRef, teamId: string): Promise<Outcome<Candidate | undefined>> {
      const context = await planningFor(actor, teamId);
      return context.ok ? ok(context.value.suggestedLeader) : context;
    },

    /** For a planned session: someone to lead the discussion, never its host or teachers. */
    async suggestLeaderFor(actor: PersonRef, teamId: string, sessionId: string): Promise<Outcome<Candidate | undefined>> {
      const { tenantId } = actor;
      const session = await load(tenantId, teamId, sessionId);
      if (!session) return fail({ kind: 'notFound' });
      if (!mayPlan(await access.standing(actor, teamId))) return fail({ kind: 'notMember' });
      const context = await planningContext(tenantId, teamId, session.hostId);
      if (!context.ok) return context;
      const others = await repos.sessions.listForTeam(tenantId, teamId);
      return ok(suggestDiscussionLeader(context.value.members, others, session.hostId, session.teacherIds));
    },

    /** The session as stored, whoever asks (the calendar file checks its own token). */
    get: load,

    /** The teams a person is known to be in (the roster may lag behind). */
    async teamsOf(tenantId: string, userId: string): Promise<string[]> {
      return (await repos.teams.listTeamsOf(tenantId, userId)).map((m) => m.teamId);
    },

    /**
     * Validates, stores the session (or every occurrence of a series) and schedules its messages. Nothing is stored on bad input.
     * `fromRequestId`: the learning request it answers; the save takes it (the first save wins) and its askers get the invite.
     */
    async create(
      actor: PersonRef,
      teamId: string,
      input: unknown,
      options: { readonly fromRequestId?: string | undefined } = {},
    ): Promise<Outcome<LearningSession[]>> {
      const team = await repos.teams.get(actor.tenantId, teamId);
      if (!team) return fail({ kind: 'teamUnknown' });
      if (!mayPlan(await access.standing(actor, teamId))) return fail({ kind: 'notMember' });
      const now = deps.now();
      const timeZone = timeZoneOf(team);
      const validation = validateSessionInput(input, { now, timeZone, channels: team.channels, hostId: actor.userId });
      if (!validation.ok) return fail({ kind: 'invalid', problems: validation.problems });
      const unnamed = await peopleProblems(actor.tenantId, teamId, validation.draft);
      if (unnamed.length > 0) return fail({ kind: 'invalid', problems: unnamed });
      const sessions = sessionsFromDraft(
        validation.draft,
        { tenantId: actor.tenantId, teamId, hostId: actor.userId, newId },
        timeZone,
        now,
      );
      const [first] = sessions;
      // The request is taken before anything is stored, so a refused claim stores nothing (a series answers it with its first occurrence).
      const claimed =
        first && options.fromRequestId ? await fromRequests.claim(actor, teamId, options.fromRequestId, first.sessionId, now) : undefined;
      if (claimed && !claimed.ok) return claimed;
      // All occurrences share one partition: one batch write, then the jobs.
      try {
        await repos.sessions.putMany(sessions);
      } catch (error) {
        if (claimed) await fromRequests.unclaim(claimed.value, now);
        throw error;
      }
      // A series' later invites wait until a week before their own start (see schedule).
      for (const s of sessions) await schedule(s, team, now, true);
      // A series names the same people in every occurrence: they are told once, about the first.
      if (first) await tellNamed(undefined, first, now);
      if (first && claimed) await fromRequests.announce(claimed.value, first.sessionId);
      return ok(sessions);
    },

    /**
     * Host only. `scope: 'following'` on an occurrence of a series applies the same change to every later
     * occurrence still scheduled and not yet started (see series-change.ts); if any of them would be
     * invalid, nothing is stored. `changed` counts the sessions updated.
     */
    async edit(
      actor: PersonRef,
      teamId: string,
      sessionId: string,
      input: unknown,
      options: { readonly scope?: SeriesScope } = {},
    ): Promise<Outcome<ChangedSessions>> {
      const current = await load(actor.tenantId, teamId, sessionId);
      if (!current) return fail({ kind: 'notFound' });
      if (!mayChange(await access.standing(actor, teamId), current, actor.userId)) return fail({ kind: 'notHost' });
      if (current.status === 'cancelled') return fail({ kind: 'closed', reason: 'cancelled' });
      const team = await repos.teams.get(actor.tenantId, teamId);
      const now = deps.now();
      const timeZone = timeZoneOf(team);
      const context = { now, timeZone, channels: team?.channels ?? [] };
      const validation = validateSessionInput(input, { ...context, current });
      if (!validation.ok) return fail({ kind: 'invalid', problems: validation.problems });
      const unnamed = await peopleProblems(actor.tenantId, teamId, validation.draft);
      if (unnamed.length > 0) return fail({ kind: 'invalid', problems: unnamed });
      const laterEdits: { readonly session: LearningSession; readonly draft: SessionDraft }[] = [];
      if (options.scope === 'following' && current.seriesId) {
        const change = seriesChange(current, validation.draft, timeZone);
        const later = laterOccurrences(
          await repos.sessions.listForTeamStartingFrom(actor.tenantId, teamId, current.startsAt),
          current,
          now,
        );
        const problems: SessionProblem[] = [];
        for (const session of later) {
          const checked = validateSessionInput(occurrenceInput(session, change, timeZone), { ...context, current: session });
          if (checked.ok) laterEdits.push({ session, draft: checked.draft });
          else for (const p of checked.problems) if (!problems.some((q) => q.field === p.field && q.code === p.code)) problems.push(p);
        }
        if (problems.length > 0) return fail({ kind: 'invalid', problems });
      }
      // The one addressed first: if it vanished meanwhile, the later ones are left alone too.
      const edited = await applyEdit(current, validation.draft, team, now);
      if (!edited) return fail({ kind: 'notFound' });
      // Only the occurrence addressed tells the newly named: a series edit is one change to them.
      await tellNamed(current, edited, now);
      let changed = 1;
      for (const { session, draft } of laterEdits) if (await applyEdit(session, draft, team, now)) changed += 1;
      const session = await repos.sessions.get(actor.tenantId, teamId, sessionId);
      if (!session) return fail({ kind: 'notFound' });
      return ok({ session, changed });
    },

    /**
     * Host only. Cancelling twice is fine; attendees and those waiting are told. `scope: 'following'`
     * also cancels every later occurrence of the series still scheduled and not yet started.
     */
    async cancel(
      actor: PersonRef,
      teamId: string,
      sessionId: string,
      options: { readonly scope?: SeriesScope } = {},
    ): Promise<Outcome<ChangedSessions>> {
      const current = await load(actor.tenantId, teamId, sessionId);
      if (!current) return fail({ kind: 'notFound' });
      if (!mayChange(await access.standing(actor, teamId), current, actor.userId)) return fail({ kind: 'notHost' });
      const now = deps.now();
      const later =
        options.scope === 'following' && current.seriesId
          ? laterOccurrences(await repos.sessions.listForTeamStartingFrom(actor.tenantId, teamId, current.startsAt), current, now)
          : [];
      let changed = 0;
      let session = current;
      if (current.status !== 'cancelled') {
        const updated = await applyCancel(actor, current, now);
        if (updated) changed += 1;
        // A session planned from a learning request: the request opens again and its askers are told.
        if (updated) await fromRequests.release(updated, now);
        const stored = updated ?? (await repos.sessions.get(actor.tenantId, teamId, sessionId));
        if (!stored) return fail({ kind: 'notFound' });
        session = stored;
      }
      for (const occurrence of later) if (await applyCancel(actor, occurrence, now)) changed += 1;
      return ok({ session, changed });
    },

    /**
     * The teacher or discussion leader the host named says they cannot: only they can, for themselves,
     * while the session is still ahead. They leave the session's roles and the host is told.
     */
    async declineRole(actor: PersonRef, teamId: string, sessionId: string): Promise<Outcome<LearningSession>> {
      const current = await load(actor.tenantId, teamId, sessionId);
      if (!current) return fail({ kind: 'notFound' });
      if (!namedRoleOf(current, actor.userId) || current.hostId === actor.userId) return fail({ kind: 'notNamed' });
      if (current.status === 'cancelled') return fail({ kind: 'closed', reason: 'cancelled' });
      const now = deps.now();
      if (Date.parse(current.startsAt) <= now.getTime()) return fail({ kind: 'closed', reason: 'past' });
      const updated = await applyDecline(actor, current, now);
      // Declined meanwhile (a second click): the same answer, nothing sent twice.
      return ok(updated ?? current);
    },

    /** The session with what a viewer may see (the tab's detail): every answer, named. Cards use `cardView`. */
    async detail(tenantId: string, teamId: string, sessionId: string, viewerId: string | undefined): Promise<Outcome<SessionDetail>> {
      const session = await load(tenantId, teamId, sessionId);
      if (!session) return fail({ kind: 'notFound' });
      const team = await repos.teams.get(tenantId, teamId);
      if (!team) return fail({ kind: 'teamUnknown' });
      const standing = viewerId === undefined ? undefined : await access.standing({ tenantId, userId: viewerId }, teamId);
      if (standing !== undefined && !mayTakePart(standing, session)) return fail({ kind: 'notMember' });
      const viewerMayChange = standing !== undefined && viewerId !== undefined && mayChange(standing, session, viewerId);
      const rsvps = await repos.rsvps.listForSession(tenantId, sessionId);
      const viewerIsHost = viewerId === session.hostId;
      const [questions, feedback] = viewerIsHost
        ? await Promise.all([repos.questions.listForSession(tenantId, sessionId), repos.feedback.listForSession(tenantId, sessionId)])
        : [undefined, viewerId ? (await repos.feedback.listForSession(tenantId, sessionId)).filter((f) => f.userId === viewerId) : []];
      const ids = [
        session.hostId,
        ...session.teacherIds,
        ...(session.discussionLeaderId ? [session.discussionLeaderId] : []),
        ...rsvps.map((r) => r.userId),
      ];
      for (const q of questions ?? []) if (q.askerId) ids.push(q.askerId);
      const viewerRsvp = viewerId ? rsvps.find((r) => r.userId === viewerId) : undefined;
      const viewerWaitlistPosition = viewerRsvp?.waitlisted ? waitlistPosition(rsvps, viewerRsvp.userId) : undefined;
      const viewerFeedback = viewerId ? feedback?.find((f) => f.userId === viewerId) : undefined;
      return ok({
        session,
        team,
        people: await people(tenantId, ids),
        rsvps,
        ...(viewerRsvp ? { viewerRsvp } : {}),
        ...(viewerWaitlistPosition ? { viewerWaitlistPosition } : {}),
        viewerIsHost,
        viewerMayChange,
        ...(questions ? { questions } : {}),
        ...(viewerIsHost && feedback ? { feedbackSummary: summariseFeedback(feedback) } : {}),
        ...(viewerFeedback ? { viewerFeedback } : {}),
      });
    },

    /** The person's upcoming sessions across their teams: hosting, teaching, leading or going. */
    async mySessions(
      person: PersonRef,
      alsoTeamIds: readonly string[] = [],
    ): Promise<{ session: LearningSession; role: 'host' | 'teacher' | 'leader' | 'attendee' | 'waitlisted' }[]> {
      const now = deps.now();
      // The teams they are known to be in, plus the one they are asking from (the roster may lag behind).
      const teamIds = new Set([...(await repos.teams.listTeamsOf(person.tenantId, person.userId)).map((m) => m.teamId), ...alsoTeamIds]);
      const lists = await Promise.all([...teamIds].map((teamId) => repos.sessions.listForTeam(person.tenantId, teamId)));
      const upcoming = lists.flat().filter((s) => isUpcoming(s, now));
      const found = await Promise.all(
        upcoming.map(async (session) => {
          if (session.hostId === person.userId) return { session, role: 'host' as const };
          if (session.teacherIds.includes(person.userId)) return { session, role: 'teacher' as const };
          if (session.discussionLeaderId === person.userId) return { session, role: 'leader' as const };
          const rsvp = await repos.rsvps.get(person.tenantId, session.sessionId, person.userId);
          if (rsvp?.response === 'yes') return { session, role: rsvp.waitlisted ? ('waitlisted' as const) : ('attendee' as const) };
          return undefined;
        }),
      );
      return found.filter((f) => f !== undefined).sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
    },

    /** One person's invite card: a few point reads, never every answer (see session-card-view.ts). */
    cardView: createSessionCardView(repos),

    people,
  };
}
