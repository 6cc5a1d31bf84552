import { Router } from 'express';
import type { Response } from 'express';
import { t } from '../../cards/shared/i18n';
import { sessionCalendar } from '../../domain/sessions/calendar-file';
import { isSeriesScope } from '../../domain/sessions/series-change';
import type { SeriesScope } from '../../domain/sessions/series-change';
import { timeZoneOf } from '../../domain/sessions/session-service';
import type { SessionDetail } from '../../domain/sessions/session-service';
import { unwrap } from '../shared/failure-problem';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import type {
  AskQuestionResponse,
  CreateSessionResponse,
  RsvpResponseBody,
  SessionChangeResponse,
  SessionDetailResponse,
  SessionPerson,
  SuggestLeaderResponse,
} from '../contract';
import { HttpError } from '../shared/http-error';
import { parsedBody } from '../shared/body-schema';
import { badSessionInput, fromRequestIdOf, invalidSession, questionBody, rsvpBody, sessionBody } from './session-bodies';
import { toSessionSummary } from './session-view';
import { teamIdParam } from '../teams/team-routes';
import { admitTeamSkills } from '../shared/unknown-skill-answer';

const SESSION_ID = /^[A-Za-z0-9._:@-]{1,200}$/;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const TENANT = /^[A-Za-z0-9._:@-]{1,200}$/;

/** Unknown and malformed ids answer the same 404: a forged id learns nothing. */
function sessionIdParam(value: unknown): string {
  const sessionId = typeof value === 'string' ? value : '';
  if (!SESSION_ID.test(sessionId)) throw new HttpError(404, 'not_found', t('en', 'sessions:failure_notFound'));
  return sessionId;
}

/** `?scope=one|following` on PATCH and DELETE; absent means this session only. */
function scopeParam(value: unknown): SeriesScope {
  if (value === undefined) return 'one';
  if (!isSeriesScope(value)) throw new HttpError(400, 'invalid_scope', t('en', 'sessions:failure_invalidScope'));
  return value;
}

/** `/teams/:teamId/sessions…`: plan, read, edit, cancel, answer, ask, and the public calendar file. */
export function sessionRoutes(deps: ApiDependencies): Router {
  const router = Router();
  const { sessions, rsvps, sessionFeedback } = deps.services;

  const person = (detail: SessionDetail, userId: string): SessionPerson => ({
    userId,
    displayName: detail.people.get(userId)?.displayName || '—',
  });

  async function detailBody(detail: SessionDetail): Promise<SessionDetailResponse> {
    const { session } = detail;
    const yes = detail.rsvps.filter((r) => r.response === 'yes');
    return {
      ...toSessionSummary(session, detail.people, deps.now()),
      timeZone: timeZoneOf(detail.team),
      waitlisted: session.counts.waitlisted ?? 0,
      openToOrganisation: session.openToOrganisation,
      ...(session.channelId ? { channelId: session.channelId } : {}),
      ...(session.seriesId ? { seriesId: session.seriesId } : {}),
      ...(session.recurrence ? { recurrence: session.recurrence } : {}),
      attendees: yes.filter((r) => !r.waitlisted).map((r) => person(detail, r.userId)),
      waitlist: yes
        .filter((r) => r.waitlisted)
        .sort((a, b) => a.respondedAt.localeCompare(b.respondedAt) || a.userId.localeCompare(b.userId))
        .map((r) => person(detail, r.userId)),
      isHost: detail.viewerIsHost,
      ...(detail.viewerRsvp ? { myResponse: detail.viewerRsvp.response } : {}),
      myWaitlisted: detail.viewerRsvp?.waitlisted === true,
      ...(detail.viewerWaitlistPosition ? { myWaitlistPosition: detail.viewerWaitlistPosition } : {}),
      calendarUrl: await deps.sessionLinks.calendarUrl(session.tenantId, session.teamId, session.sessionId),
      ...(detail.questions
        ? {
            questions: detail.questions.map((q) => ({
              questionId: q.questionId,
              text: q.text,
              askedAt: q.askedAt,
              ...(q.askerId ? { asker: person(detail, q.askerId) } : {}),
            })),
          }
        : {}),
      ...(detail.feedbackSummary ? { feedbackSummary: detail.feedbackSummary } : {}),
    };
  }

  async function sendDetail(
    res: Response,
    tenantId: string,
    teamId: string,
    sessionId: string,
    viewerId: string,
    status = 200,
    changed?: number,
  ): Promise<void> {
    const detail = await sessions.detail(tenantId, teamId, sessionId, viewerId);
    if (!unwrap(res, detail)) return;
    const response: SessionDetailResponse | SessionChangeResponse = {
      ...(await detailBody(detail.value)),
      ...(changed !== undefined ? { changed } : {}),
    };
    res.status(status).json(response);
  }

  router.post(
    '/teams/:teamId/sessions',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const fromRequestId = fromRequestIdOf(req.body);
      if (fromRequestId === false) throw new HttpError(400, 'invalid_request_id', t('en', 'requests:failure_notFound'));
      const parsed = parsedBody(res, req.body, sessionBody, invalidSession);
      if (!parsed) return;
      const { newSkills, ...input } = parsed;
      // Every stored skill passes the team's taxonomy: "Dokcer" is asked about, a new skill must be confirmed in `newSkills`.
      // The skill of the request it answers was asked already: never asked about again.
      const request =
        fromRequestId && input.skills ? await deps.services.learningRequests.detail(caller, teamId, fromRequestId) : undefined;
      const stored = request?.ok ? [request.value.request.skill] : [];
      const admitted = input.skills
        ? await admitTeamSkills(res, deps.services.skills, caller, teamId, { skills: input.skills }, { newSkills: newSkills ?? [], stored })
        : undefined;
      if (input.skills && !admitted) return;
      const created = await sessions.create(caller, teamId, admitted ? { ...input, skills: admitted.fields['skills'] } : input, {
        fromRequestId,
      });
      if (!unwrap(res, created)) return;
      await admitted?.commit();
      const people = await sessions.people(caller.tenantId, [
        caller.userId,
        ...created.value.flatMap((s) => [...s.teacherIds, ...(s.discussionLeaderId ? [s.discussionLeaderId] : [])]),
      ]);
      const response: CreateSessionResponse = { sessions: created.value.map((s) => toSessionSummary(s, people, deps.now())) };
      res.status(201).json(response);
    }),
  );

  router.get(
    '/teams/:teamId/sessions/suggest-discussion-leader',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const suggestion = await sessions.suggestLeader(caller, teamId);
      if (!unwrap(res, suggestion)) return;
      const response: SuggestLeaderResponse = suggestion.value
        ? { suggestion: { userId: suggestion.value.userId, displayName: suggestion.value.displayName } }
        : {};
      res.json(response);
    }),
  );

  router.get(
    '/teams/:teamId/sessions/:sessionId',
    authed(deps.validate, async (req, res, caller) => {
      await sendDetail(res, caller.tenantId, teamIdParam(req.params.teamId), sessionIdParam(req.params.sessionId), caller.userId);
    }),
  );

  router.patch(
    '/teams/:teamId/sessions/:sessionId',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const sessionId = sessionIdParam(req.params.sessionId);
      const scope = scopeParam(req.query.scope);
      const parsed = parsedBody(res, req.body, sessionBody, invalidSession);
      if (!parsed) return;
      const { newSkills, ...input } = parsed;
      // The session's own skills stay as they are; an added one passes the team's taxonomy.
      const stored = input.skills ? ((await sessions.get(caller.tenantId, teamId, sessionId))?.skills ?? []) : [];
      const admitted = input.skills
        ? await admitTeamSkills(res, deps.services.skills, caller, teamId, { skills: input.skills }, { newSkills: newSkills ?? [], stored })
        : undefined;
      if (input.skills && !admitted) return;
      const edited = await sessions.edit(caller, teamId, sessionId, admitted ? { ...input, skills: admitted.fields['skills'] } : input, {
        scope,
      });
      if (!unwrap(res, edited)) return;
      await admitted?.commit();
      await sendDetail(res, caller.tenantId, teamId, sessionId, caller.userId, 200, edited.value.changed);
    }),
  );

  router.delete(
    '/teams/:teamId/sessions/:sessionId',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const sessionId = sessionIdParam(req.params.sessionId);
      const scope = scopeParam(req.query.scope);
      const cancelled = await sessions.cancel(caller, teamId, sessionId, { scope });
      if (unwrap(res, cancelled)) await sendDetail(res, caller.tenantId, teamId, sessionId, caller.userId, 200, cancelled.value.changed);
    }),
  );

  router.put(
    '/teams/:teamId/sessions/:sessionId/rsvp',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const sessionId = sessionIdParam(req.params.sessionId);
      const input = parsedBody(res, req.body, rsvpBody, badSessionInput);
      if (!input) return;
      const answered = await rsvps.respond(caller, teamId, sessionId, input.response);
      if (!unwrap(res, answered)) return;
      const { session, rsvp } = answered.value;
      const position = rsvp.waitlisted ? await rsvps.waitlistPosition(caller.tenantId, sessionId, caller.userId) : undefined;
      const response: RsvpResponseBody = {
        sessionId,
        response: rsvp.response,
        waitlisted: rsvp.waitlisted === true,
        ...(position ? { waitlistPosition: position } : {}),
        going: session.counts.yes,
        maybe: session.counts.maybe,
        waitlistCount: session.counts.waitlisted ?? 0,
      };
      res.json(response);
    }),
  );

  router.post(
    '/teams/:teamId/sessions/:sessionId/questions',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const sessionId = sessionIdParam(req.params.sessionId);
      const input = parsedBody(res, req.body, questionBody, badSessionInput);
      if (!input) return;
      const asked = await sessionFeedback.ask(caller, teamId, sessionId, input.text, input.anonymous === true);
      if (!unwrap(res, asked)) return;
      const response: AskQuestionResponse = { questionId: asked.value.questionId, anonymous: asked.value.askerId === undefined };
      res.status(201).json(response);
    }),
  );

  router.get(
    '/teams/:teamId/sessions/:sessionId/suggest-discussion-leader',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const suggested = await sessions.suggestLeaderFor(caller, teamId, sessionIdParam(req.params.sessionId));
      if (!unwrap(res, suggested)) return;
      const s = suggested.value;
      const response: SuggestLeaderResponse = s ? { suggestion: { userId: s.userId, displayName: s.displayName } } : {};
      res.json(response);
    }),
  );

  // Public: calendar apps send no bearer token. The HMAC token in the link is the permission.
  router.get('/teams/:teamId/sessions/:sessionId/calendar.ics', async (req, res, next) => {
    try {
      const teamId = teamIdParam(req.params.teamId);
      const sessionId = sessionIdParam(req.params.sessionId);
      const tenantId = typeof req.query.tenant === 'string' && TENANT.test(req.query.tenant) ? req.query.tenant : '';
      const token = typeof req.query.token === 'string' && TOKEN.test(req.query.token) ? req.query.token : '';
      if (!tenantId || !token || !(await deps.sessionLinks.verifyCalendarToken(tenantId, teamId, sessionId, token))) {
        throw new HttpError(404, 'not_found', t('en', 'sessions:failure_notFound'));
      }
      const session = await sessions.get(tenantId, teamId, sessionId);
      if (!session) throw new HttpError(404, 'not_found', t('en', 'sessions:failure_notFound'));
      const host = new URL(await deps.sessionLinks.calendarUrl(tenantId, teamId, sessionId)).hostname || 'peerlearn';
      res
        .status(200)
        .type('text/calendar; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="session-${sessionId.replace(/[^A-Za-z0-9-]/g, '')}.ics"`)
        .send(sessionCalendar(session, deps.now(), host));
    } catch (error) {
      next(error);
    }
  });

  return router;
}
