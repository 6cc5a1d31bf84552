import type { MemberProfile } from './member';
import type { Candidate } from './discussion-leader';
import { suggestDiscussionLeader } from './discussion-leader';
import { summariseFeedback } from './feedback-summary';
import type { FeedbackSummary } from './feedback-summary';
import type { Outbox } from './outbox';
import type { PersonRef } from './person';
import type { Repositories } from './repositories';
import { RSVP_RESPONSES, isUpcoming, sessionEndsAt } from './session';
import type { Feedback, LearningSession, Rsvp, RsvpResponse } from './session';
import { KUDOS_MESSAGE_MAX_LENGTH, QUESTION_MAX_LENGTH } from './session-extras';
import type { Kudos, SessionQuestion } from './session-extras';
import { applyDraft, rsvpClosedReason, sessionsFromDraft, validateSessionInput } from './session-rules';
import type { SessionClosedReason, SessionDraft, SessionProblem } from './session-rules';
import { laterOccurrences, occurrenceInput, seriesChange } from './series-change';
import type { SeriesScope } from './series-change';
import type { Team } from './team';
import { settingsOf } from './team-settings';

/** Why a session operation was refused; every kind has an nl/en text for cards and a code for the API. */
export type SessionFailure =
  | { readonly kind: 'teamUnknown' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'invalid'; readonly problems: readonly SessionProblem[] }
  | { readonly kind: 'closed'; readonly reason: SessionClosedReason }
  | { readonly kind: 'notHost' }
  | { readonly kind: 'notAttendee' }
  | { readonly kind: 'notEnded' }
  | { readonly kind: 'badInput'; readonly code: BadInputCode };

export type BadInputCode =
  | 'responseInvalid'
  | 'questionEmpty'
  | 'questionTooLong'
  | 'ratingInvalid'
  | 'kudosSelf'
  | 'kudosNobody'
  | 'kudosTooLong';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: SessionFailure };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const fail = <T>(failure: SessionFailure): Outcome<T> => ({ ok: false, failure });

/** A series' later occurrences are announced this long before their start, not all at once. */
export const INVITE_LEAD_DAYS = 7;
/** Feedback notices to the host wait this long, so a burst of answers makes one summary. */
export const SUMMARY_DEBOUNCE_MINUTES = 10;

export interface SessionDetail {
  readonly session: LearningSession;
  readonly team: Team;
  readonly people: ReadonlyMap<string, MemberProfile>;
  readonly rsvps: readonly Rsvp[];
  readonly viewerRsvp?: Rsvp;
  readonly viewerIsHost: boolean;
  /** Only for the host. */
  readonly questions?: readonly SessionQuestion[];
  /** Only for the host: feedback stays theirs (DESIGN F5). */
  readonly feedbackSummary?: FeedbackSummary;
  readonly viewerFeedback?: Feedback;
}

/** An edit or cancel: the session addressed (as stored now) and how many sessions changed (more than one for a series). */
export interface ChangedSessions {
  readonly session: LearningSession;
  readonly changed: number;
}

export interface PlanningContext {
  readonly team: Team;
  readonly members: readonly Candidate[];
  readonly suggestedLeader?: Candidate;
  readonly timeZone: string;
}

export interface FeedbackInput {
  readonly rating: unknown;
  readonly learnedSomethingNew: unknown;
  readonly willApply: unknown;
}

export interface SessionServiceDeps {
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
  const { repositories: repos, outbox } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());

  async function people(tenantId: string, ids: Iterable<string>): Promise<Map<string, MemberProfile>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => repos.members.get(tenantId, id)));
    return new Map(found.filter((p): p is MemberProfile => p !== undefined).map((p) => [p.userId, p]));
  }

  async function load(tenantId: string, teamId: string, sessionId: string): Promise<LearningSession | undefined> {
    if (typeof sessionId !== 'string' || sessionId === '' || typeof teamId !== 'string' || teamId === '') return undefined;
    return repos.sessions.get(tenantId, teamId, sessionId);
  }

  /** Invite, reminders in its thread and the feedback request, for one (new or moved) session. */
  // Reminders follow the team's setting at the time of scheduling: a changed setting applies to sessions scheduled (or moved) afterwards.
  async function schedule(session: LearningSession, team: Team | undefined, now: Date, announce: boolean): Promise<void> {
    const ref = { tenantId: session.tenantId, teamId: session.teamId, sessionId: session.sessionId };
    const start = Date.parse(session.startsAt);
    if (session.channelId) {
      if (announce) {
        const inviteAt = start - INVITE_LEAD_DAYS * 24 * 3600_000;
        await outbox.enqueue({ kind: 'postInvite', ...ref }, inviteAt > now.getTime() ? { notBefore: new Date(inviteAt) } : {});
      }
      for (const minutesBefore of settingsOf(team).reminderMinutes) {
        const due = start - minutesBefore * 60_000;
        if (due > now.getTime()) {
          await outbox.enqueue({ kind: 'postReminder', ...ref, minutesBefore, forStartsAt: session.startsAt }, { notBefore: new Date(due) });
        }
      }
    }
    await outbox.enqueue({ kind: 'requestFeedback', ...ref, forStartsAt: session.startsAt }, { notBefore: sessionEndsAt(session) });
  }

  /** One occurrence's edit, stored under its ETag, with its card update, reminders and waitlist promotions. */
  async function applyEdit(current: LearningSession, draft: SessionDraft, team: Team | undefined, now: Date): Promise<LearningSession | undefined> {
    const { tenantId, teamId, sessionId } = current;
    const updated = await repos.sessions.update(tenantId, teamId, sessionId, (s) => applyDraft(s, draft, now));
    if (!updated) return undefined;
    const ref = { tenantId, teamId, sessionId };
    if (updated.startsAt !== current.startsAt || updated.durationMinutes !== current.durationMinutes) {
      // The old reminders see the new start and skip themselves (see the composer).
      await schedule(updated, team, now, false);
    }
    // A larger capacity gives its new places to those waiting, and tells them.
    const grew = updated.capacity === null ? current.capacity !== null : current.capacity !== null && updated.capacity > current.capacity;
    if (grew) {
      const { promoted } = await repos.rsvps.promoteWaiting(ref);
      for (const r of promoted) {
        await outbox.enqueue({ kind: 'notifyPerson', ...ref, userId: r.userId, reason: 'waitlistPromoted', ref: now.toISOString() });
      }
    }
    if (current.channelId) await outbox.enqueue({ kind: 'updateInvite', ...ref });
    if (!current.channelId && updated.channelId) await outbox.enqueue({ kind: 'postInvite', ...ref });
    return updated;
  }

  /** One occurrence cancelled under its ETag: its card updated, everyone who said yes or maybe told. */
  async function applyCancel(actor: PersonRef, current: LearningSession, now: Date): Promise<LearningSession | undefined> {
    const { tenantId, teamId, sessionId } = current;
    // Cancelled meanwhile (another tab, the card): already announced, so nothing is sent twice.
    let cancelledNow = false;
    const updated = await repos.sessions.update(tenantId, teamId, sessionId, (s) => {
      cancelledNow = s.status !== 'cancelled';
      return cancelledNow ? { ...s, status: 'cancelled', updatedAt: now.toISOString() } : undefined;
    });
    if (!updated || !cancelledNow) return undefined;
    const ref = { tenantId, teamId, sessionId };
    if (updated.channelId) await outbox.enqueue({ kind: 'updateInvite', ...ref });
    const told = (await repos.rsvps.listForSession(tenantId, sessionId)).filter((r) => r.response !== 'no' && r.userId !== actor.userId);
    for (const r of told) await outbox.enqueue({ kind: 'notifyPerson', ...ref, userId: r.userId, reason: 'sessionCancelled' });
    return updated;
  }

  async function planningContext(tenantId: string, teamId: string, hostId: string): Promise<Outcome<PlanningContext>> {
    const team = await repos.teams.get(tenantId, teamId);
    if (!team) return fail({ kind: 'teamUnknown' });
    const [memberships, sessions] = await Promise.all([repos.teams.listMembers(tenantId, teamId), repos.sessions.listForTeam(tenantId, teamId)]);
    const names = await people(tenantId, [...memberships.map((m) => m.userId), hostId]);
    const members = [...names.values()].map((p) => ({ userId: p.userId, displayName: p.displayName }));
    const suggestedLeader = suggestDiscussionLeader(members, sessions, hostId);
    return ok({ team, members, ...(suggestedLeader ? { suggestedLeader } : {}), timeZone: timeZoneOf(team) });
  }

  return {
    planningContext,

    async suggestLeader(tenantId: string, teamId: string, hostId: string): Promise<Outcome<Candidate | undefined>> {
      const context = await planningContext(tenantId, teamId, hostId);
      return context.ok ? ok(context.value.suggestedLeader) : context;
    },

    /** Validates, stores the session (or every occurrence of a series) and schedules its messages. Nothing is stored on bad input. */
    async create(actor: PersonRef, teamId: string, input: unknown): Promise<Outcome<LearningSession[]>> {
      const team = await repos.teams.get(actor.tenantId, teamId);
      if (!team) return fail({ kind: 'teamUnknown' });
      const now = deps.now();
      const timeZone = timeZoneOf(team);
      const validation = validateSessionInput(input, { now, timeZone, channels: team.channels });
      if (!validation.ok) return fail({ kind: 'invalid', problems: validation.problems });
      const sessions = sessionsFromDraft(validation.draft, { tenantId: actor.tenantId, teamId, hostId: actor.userId, newId }, timeZone, now);
      // All occurrences share one partition: one batch write, then the jobs.
      await repos.sessions.putMany(sessions);
      // A series' later invites wait until a week before their own start (see schedule).
      for (const s of sessions) await schedule(s, team, now, true);
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
      if (current.hostId !== actor.userId) return fail({ kind: 'notHost' });
      if (current.status === 'cancelled') return fail({ kind: 'closed', reason: 'cancelled' });
      const team = await repos.teams.get(actor.tenantId, teamId);
      const now = deps.now();
      const timeZone = timeZoneOf(team);
      const context = { now, timeZone, channels: team?.channels ?? [] };
      const validation = validateSessionInput(input, { ...context, current });
      if (!validation.ok) return fail({ kind: 'invalid', problems: validation.problems });
      const laterEdits: { readonly session: LearningSession; readonly draft: SessionDraft }[] = [];
      if (options.scope === 'following' && current.seriesId) {
        const change = seriesChange(current, validation.draft, timeZone);
        const later = laterOccurrences(await repos.sessions.listForTeamStartingFrom(actor.tenantId, teamId, current.startsAt), current, now);
        const problems: SessionProblem[] = [];
        for (const session of later) {
          const checked = validateSessionInput(occurrenceInput(session, change, timeZone), { ...context, current: session });
          if (checked.ok) laterEdits.push({ session, draft: checked.draft });
          else for (const p of checked.problems) if (!problems.some((q) => q.field === p.field && q.code === p.code)) problems.push(p);
        }
        if (problems.length > 0) return fail({ kind: 'invalid', problems });
      }
      // The one addressed first: if it vanished meanwhile, the later ones are left alone too.
      if (!(await applyEdit(current, validation.draft, team, now))) return fail({ kind: 'notFound' });
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
    async cancel(actor: PersonRef, teamId: string, sessionId: string, options: { readonly scope?: SeriesScope } = {}): Promise<Outcome<ChangedSessions>> {
      const current = await load(actor.tenantId, teamId, sessionId);
      if (!current) return fail({ kind: 'notFound' });
      if (current.hostId !== actor.userId) return fail({ kind: 'notHost' });
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
        const stored = updated ?? (await repos.sessions.get(actor.tenantId, teamId, sessionId));
        if (!stored) return fail({ kind: 'notFound' });
        session = stored;
      }
      for (const occurrence of later) if (await applyCancel(actor, occurrence, now)) changed += 1;
      return ok({ session, changed });
    },

    async rsvp(actor: PersonRef, teamId: string, sessionId: string, response: unknown): Promise<Outcome<{ session: LearningSession; rsvp: Rsvp }>> {
      if (!RSVP_RESPONSES.includes(response as RsvpResponse)) return fail({ kind: 'badInput', code: 'responseInvalid' });
      const session = await load(actor.tenantId, teamId, sessionId);
      if (!session) return fail({ kind: 'notFound' });
      const closed = rsvpClosedReason(session, deps.now());
      if (closed) return fail({ kind: 'closed', reason: closed });
      const outcome = await repos.rsvps.respond(session, actor.userId, response as RsvpResponse, deps.now());
      const ref = { tenantId: actor.tenantId, teamId, sessionId };
      if (session.channelId) await outbox.enqueue({ kind: 'updateInvite', ...ref });
      if (outcome.promoted) {
        await outbox.enqueue({ kind: 'notifyPerson', ...ref, userId: outcome.promoted.userId, reason: 'waitlistPromoted', ref: outcome.rsvp.respondedAt });
      }
      return ok({ session: outcome.session, rsvp: outcome.rsvp });
    },

    /** A question to the host; with `anonymous` no asker id is stored at all. */
    async ask(actor: PersonRef, teamId: string, sessionId: string, text: unknown, anonymous: boolean): Promise<Outcome<SessionQuestion>> {
      const trimmed = typeof text === 'string' ? text.trim() : '';
      if (trimmed === '') return fail({ kind: 'badInput', code: 'questionEmpty' });
      if (trimmed.length > QUESTION_MAX_LENGTH) return fail({ kind: 'badInput', code: 'questionTooLong' });
      const session = await load(actor.tenantId, teamId, sessionId);
      if (!session) return fail({ kind: 'notFound' });
      const closed = rsvpClosedReason(session, deps.now());
      if (closed) return fail({ kind: 'closed', reason: closed });
      const question: SessionQuestion = {
        tenantId: actor.tenantId,
        teamId,
        sessionId,
        questionId: newId(),
        text: trimmed,
        ...(anonymous ? {} : { askerId: actor.userId }),
        askedAt: deps.now().toISOString(),
      };
      await repos.questions.add(question);
      return ok(question);
    },

    /** Attendees only, after the start; answering again replaces the earlier answer. */
    async giveFeedback(actor: PersonRef, teamId: string, sessionId: string, input: FeedbackInput): Promise<Outcome<Feedback>> {
      const rating = typeof input.rating === 'number' ? input.rating : typeof input.rating === 'string' ? Number(input.rating) : NaN;
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) return fail({ kind: 'badInput', code: 'ratingInvalid' });
      const session = await load(actor.tenantId, teamId, sessionId);
      if (!session) return fail({ kind: 'notFound' });
      if (session.status === 'cancelled') return fail({ kind: 'closed', reason: 'cancelled' });
      const now = deps.now();
      if (Date.parse(session.startsAt) > now.getTime()) return fail({ kind: 'notEnded' });
      const rsvp = await repos.rsvps.get(actor.tenantId, sessionId, actor.userId);
      if (!rsvp || rsvp.response !== 'yes' || rsvp.waitlisted) return fail({ kind: 'notAttendee' });
      const willApply = typeof input.willApply === 'string' ? input.willApply.trim().slice(0, 500) : '';
      const learned = input.learnedSomethingNew === true || input.learnedSomethingNew === 'true' || input.learnedSomethingNew === 'yes';
      const feedback: Feedback = { tenantId: actor.tenantId, teamId, sessionId, userId: actor.userId, rating, learnedSomethingNew: learned, willApply, submittedAt: now.toISOString() };
      await repos.feedback.put(feedback);
      await outbox.enqueue(
        { kind: 'notifyPerson', tenantId: actor.tenantId, teamId, sessionId, userId: session.hostId, reason: 'feedbackSummary' },
        { notBefore: new Date(now.getTime() + SUMMARY_DEBOUNCE_MINUTES * 60_000) },
      );
      return ok(feedback);
    },

    /** Stores a thank-you; posting it is the caller's choice (a channel job or the current chat). */
    async giveKudos(
      actor: PersonRef,
      teamId: string,
      toUserId: string | undefined,
      message: string,
      where: { readonly channelId?: string; readonly sessionId?: string } = {},
    ): Promise<Outcome<Kudos>> {
      if (!toUserId) return fail({ kind: 'badInput', code: 'kudosNobody' });
      if (toUserId === actor.userId) return fail({ kind: 'badInput', code: 'kudosSelf' });
      const text = message.trim();
      if (text.length > KUDOS_MESSAGE_MAX_LENGTH) return fail({ kind: 'badInput', code: 'kudosTooLong' });
      const kudos: Kudos = {
        tenantId: actor.tenantId,
        teamId,
        kudosId: newId(),
        fromUserId: actor.userId,
        toUserId,
        message: text,
        ...(where.channelId ? { channelId: where.channelId } : {}),
        ...(where.sessionId ? { sessionId: where.sessionId } : {}),
        createdAt: deps.now().toISOString(),
      };
      await repos.kudos.add(kudos);
      return ok(kudos);
    },

    /** A session as `viewer` may see it: questions and the feedback summary only for the host. */
    /**
     * The session with what a viewer may see. `attendeeNames: false` skips looking up every
     * responder's profile: cards name only the roles, and an RSVP burst must not cost n² reads.
     */
    async detail(
      tenantId: string,
      teamId: string,
      sessionId: string,
      viewerId: string | undefined,
      options: { readonly attendeeNames?: boolean } = {},
    ): Promise<Outcome<SessionDetail>> {
      const session = await load(tenantId, teamId, sessionId);
      if (!session) return fail({ kind: 'notFound' });
      const team = await repos.teams.get(tenantId, teamId);
      if (!team) return fail({ kind: 'teamUnknown' });
      const rsvps = await repos.rsvps.listForSession(tenantId, sessionId);
      const viewerIsHost = viewerId === session.hostId;
      const [questions, feedback] = viewerIsHost
        ? await Promise.all([repos.questions.listForSession(tenantId, sessionId), repos.feedback.listForSession(tenantId, sessionId)])
        : [undefined, viewerId ? (await repos.feedback.listForSession(tenantId, sessionId)).filter((f) => f.userId === viewerId) : []];
      const ids = [
        session.hostId,
        ...session.teacherIds,
        ...(session.discussionLeaderId ? [session.discussionLeaderId] : []),
        ...(options.attendeeNames === false ? [] : rsvps.map((r) => r.userId)),
      ];
      for (const q of questions ?? []) if (q.askerId) ids.push(q.askerId);
      const viewerRsvp = viewerId ? rsvps.find((r) => r.userId === viewerId) : undefined;
      const viewerFeedback = viewerId ? feedback?.find((f) => f.userId === viewerId) : undefined;
      return ok({
        session,
        team,
        people: await people(tenantId, ids),
        rsvps,
        ...(viewerRsvp ? { viewerRsvp } : {}),
        viewerIsHost,
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

    people,
  };
}
