import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/shared/adaptive-card';
import { appliedFollowUpCard } from '../../cards/sessions/applied-card';
import { feedbackCard } from '../../cards/sessions/feedback-cards';
import { sessionFormCard } from '../../cards/sessions/session-form-card';
import { sessionInviteCard } from '../../cards/sessions/session-invite-card';
import { sessionMessageCard } from '../../cards/sessions/session-notice-cards';
import { formatWhen } from '../../cards/sessions/session-text';
import { t } from '../../cards/shared/i18n';
import { userText } from '../../cards/shared/user-text';
import type { PersonRef } from '../../domain/shared/person';
import { toLocale } from '../../domain/shared/person';
import type { Locale } from '../../domain/shared/person';
import type { LearningSession } from '../../domain/sessions/session';
import type { KudosService } from '../../domain/kudos/kudos-service';
import type { RsvpAnswered, RsvpService } from '../../domain/rsvp/rsvp-service';
import type { SessionFeedbackService } from '../../domain/sessions/session-feedback-service';
import type { SessionService } from '../../domain/sessions/session-service';
import type { SessionProblem } from '../../domain/sessions/session-rules';
import { toDateAndTimeInputs } from '../../domain/shared/zoned-time';
import { timeZoneOf } from '../../domain/sessions/session-service';
import type { SessionLinks } from '../../domain/sessions/session-links';
import type { Outbox } from '../../domain/delivery/outbox';
import { cardActionOf } from '../shared/bot-feature';
import type { InvokeHandler } from '../shared/bot-feature';
import { failureAnswer } from '../shared/failure-answer';
import { channelData, personOf } from '../shared/identity';
import { cardResponse } from '../shared/invoke-responses';
import { inviteViewOf, viewerOf } from './invite-view';
import { missesIds, SESSION_VERB_DATA } from './session-verb-data';
import type { SessionVerb } from './session-verb-data';
import { admitFormSkills, typedSkills } from '../shared/form-skills';
import type { SkillGate } from '../../domain/experts/skill-gate';
import type { UnknownSkill } from '../../domain/experts/skill-check';

interface SessionInvokeDeps {
  readonly sessions: SessionService;
  /** The team's skill gate: a form's skills pass it as the API's do. */
  readonly skills: SkillGate;
  readonly rsvps: RsvpService;
  readonly sessionFeedback: SessionFeedbackService;
  readonly kudos: KudosService;
  readonly links: SessionLinks;
  readonly outbox: Outbox;
  readonly now: () => Date;
}

/** What a verb handler gets: who acts, in which team, with the card's data. */
interface VerbRequest {
  readonly context: TurnContext;
  readonly actor: PersonRef;
  readonly teamId: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly locale: Locale;
}

type VerbHandler = (request: VerbRequest) => Promise<InvokeResponse>;

/** A card with a notice on top: the person sees why, and still has the card. */
function withNotice(card: AdaptiveCard, text: string, tone: 'attention' | 'good'): AdaptiveCard {
  return { ...card, body: [{ type: 'TextBlock', text, wrap: true, weight: 'bolder', color: tone }, ...card.body] };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** `adaptiveCard/action`: one handler per session verb; forged data gets a clear answer, never a throw. */
export function sessionCardVerbs(deps: SessionInvokeDeps): Readonly<Record<SessionVerb, InvokeHandler>> {
  const { sessions } = deps;

  /** The person's own view of the invite card, or why they may not see it (a team-only session, a session gone). */
  async function userCard(
    actor: PersonRef,
    teamId: string,
    sessionId: string,
    locale: Locale,
    answered?: RsvpAnswered,
  ): Promise<AdaptiveCard | string> {
    const found = await sessions.cardView(actor.tenantId, teamId, sessionId, actor.userId, answered);
    if (!found.ok) return failureAnswer(found.failure, locale);
    const view = await inviteViewOf(found.value, deps.links, deps.now());
    return sessionInviteCard(view, viewerOf(found.value, actor.userId), locale);
  }

  /** The refreshed card with a notice, or a plain message when the person may not see the session (any more). */
  async function answer(
    req: VerbRequest,
    notice: string | undefined,
    tone: 'attention' | 'good' = 'attention',
    answered?: RsvpAnswered,
  ): Promise<InvokeResponse> {
    const sessionId = str(req.data.sessionId) ?? '';
    const card = await userCard(req.actor, req.teamId, sessionId, req.locale, answered);
    if (typeof card === 'string') return cardResponse(sessionMessageCard(notice ?? card, 'attention'));
    return cardResponse(notice ? withNotice(card, notice, tone) : card);
  }

  /** `hostId`: the stored session's (an owner may edit someone else's session); the form never offers them as co-teacher. */
  async function editForm(
    req: VerbRequest,
    session: { readonly sessionId: string; readonly hostId: string },
    values: Readonly<Record<string, unknown>>,
    problems: readonly SessionProblem[],
    unknownSkills: readonly UnknownSkill[] = [],
  ): Promise<AdaptiveCard> {
    const { sessionId, hostId } = session;
    const planning = await sessions.planningContext(req.actor.tenantId, req.teamId, hostId);
    if (!planning.ok) return sessionMessageCard(failureAnswer(planning.failure, req.locale), 'attention');
    const { team, members, suggestedLeader, timeZone } = planning.value;
    return sessionFormCard(
      {
        teamId: req.teamId,
        channels: team.channels,
        members,
        hostId,
        ...(suggestedLeader ? { suggestedLeader } : {}),
        timeZone,
        submit: 'execute',
        values,
        problems,
        ...(unknownSkills.length > 0 ? { unknownSkills } : {}),
        editing: { sessionId },
      },
      req.locale,
    );
  }

  const verbs: Record<SessionVerb, VerbHandler> = {
    async refresh(req) {
      return answer(req, undefined);
    },
    async rsvp(req) {
      const result = await deps.rsvps.respond(req.actor, req.teamId, str(req.data.sessionId) ?? '', req.data.response);
      // The answer's card from what the answer stored and read: nothing of the session is read twice.
      return result.ok ? answer(req, undefined, 'attention', result.value) : answer(req, failureAnswer(result.failure, req.locale));
    },
    async cancelSession(req) {
      // The host's "cancel this and all later" on an occurrence of a series; anything else cancels just this one.
      const scope = req.data.scope === 'following' ? 'following' : 'one';
      const result = await sessions.cancel(req.actor, req.teamId, str(req.data.sessionId) ?? '', { scope });
      if (!result.ok) return answer(req, failureAnswer(result.failure, req.locale));
      return scope === 'following'
        ? answer(req, t(req.locale, 'sessions:seriesCancelled', { count: result.value.changed }), 'good')
        : answer(req, undefined);
    },
    async editSession(req) {
      const sessionId = str(req.data.sessionId) ?? '';
      const detail = await sessions.detail(req.actor.tenantId, req.teamId, sessionId, req.actor.userId);
      if (!detail.ok) return cardResponse(sessionMessageCard(failureAnswer(detail.failure, req.locale), 'attention'));
      if (!detail.value.viewerMayChange) return answer(req, t(req.locale, 'sessions:failure_notHost'));
      if (detail.value.session.status === 'cancelled') return answer(req, t(req.locale, 'sessions:failure_cancelled'));
      return cardResponse(await editForm(req, detail.value.session, valuesOf(detail.value.session, timeZoneOf(detail.value.team)), []));
    },
    async saveSession(req) {
      const sessionId = str(req.data.sessionId) ?? '';
      const { teamId: _team, sessionId: _session, ...values } = req.data;
      // As on the API: the session's own skills stay as they are; an added one passes the team's taxonomy.
      const typed = typedSkills(values.skills).length > 0;
      const current = typed ? await sessions.get(req.actor.tenantId, req.teamId, sessionId) : undefined;
      // The form again (a question or a problem) is for the session's own host: read only then, a save reads no more than before.
      const form = async () => ({
        sessionId,
        hostId: (current ?? (await sessions.get(req.actor.tenantId, req.teamId, sessionId)))?.hostId ?? req.actor.userId,
      });
      const stored = current?.skills ?? [];
      const admitted = typed ? await admitFormSkills(deps.skills, req.actor, req.teamId, values, 'skills', stored) : undefined;
      if (admitted && !admitted.ok) return cardResponse(await editForm(req, await form(), req.data, [], admitted.unknown));
      const result = await sessions.edit(
        req.actor,
        req.teamId,
        sessionId,
        admitted ? { ...values, skills: admitted.fields['skills'] } : values,
      );
      if (result.ok) {
        await admitted?.commit();
        return answer(req, t(req.locale, 'sessions:saved', { title: userText(result.value.session.title, 120) }), 'good');
      }
      if (result.failure.kind === 'invalid') return cardResponse(await editForm(req, await form(), req.data, result.failure.problems));
      return answer(req, failureAnswer(result.failure, req.locale));
    },
    async feedback(req) {
      const sessionId = str(req.data.sessionId) ?? '';
      const result = await deps.sessionFeedback.giveFeedback(req.actor, req.teamId, sessionId, {
        rating: req.data.rating,
        learnedSomethingNew: req.data.learnedSomethingNew,
        willApply: req.data.willApply,
      });
      const detail = await sessions.detail(req.actor.tenantId, req.teamId, sessionId, req.actor.userId);
      if (!detail.ok) return cardResponse(sessionMessageCard(failureAnswer(detail.failure, req.locale), 'attention'));
      const { session, team, viewerFeedback } = detail.value;
      const card = feedbackCard(session, req.locale, timeZoneOf(team), viewerFeedback);
      return cardResponse(
        result.ok
          ? withNotice(card, t(req.locale, 'sessions:feedbackThanks', { title: userText(session.title, 120) }), 'good')
          : withNotice(card, failureAnswer(result.failure, req.locale), 'attention'),
      );
    },
    async applied(req) {
      const sessionId = str(req.data.sessionId) ?? '';
      const result = await deps.sessionFeedback.answerApplied(req.actor, req.teamId, sessionId, {
        level: req.data.level,
        note: req.data.note,
      });
      if (!result.ok) {
        // Someone who was not asked, or a session gone: the reason alone. A bad answer: the card again, with why.
        const detail =
          result.failure.kind === 'badInput'
            ? await sessions.detail(req.actor.tenantId, req.teamId, sessionId, req.actor.userId)
            : undefined;
        const mine = detail?.ok ? detail.value.viewerFeedback : undefined;
        if (!detail?.ok || !mine) return cardResponse(sessionMessageCard(failureAnswer(result.failure, req.locale), 'attention'));
        const card = appliedFollowUpCard(detail.value.session, mine, req.locale, timeZoneOf(detail.value.team));
        return cardResponse(withNotice(card, failureAnswer(result.failure, req.locale), 'attention'));
      }
      const detail = await sessions.detail(req.actor.tenantId, req.teamId, sessionId, req.actor.userId);
      if (!detail.ok) return cardResponse(sessionMessageCard(t(req.locale, 'applied:thanks'), 'good'));
      const card = appliedFollowUpCard(detail.value.session, result.value, req.locale, timeZoneOf(detail.value.team));
      return cardResponse(withNotice(card, t(req.locale, 'applied:thanks'), 'good'));
    },
    async kudos(req) {
      const sessionId = str(req.data.sessionId) ?? '';
      const detail = await sessions.detail(req.actor.tenantId, req.teamId, sessionId, req.actor.userId);
      if (!detail.ok) return cardResponse(sessionMessageCard(failureAnswer(detail.failure, req.locale), 'attention'));
      const session = detail.value.session;
      const to = str(req.data.toUserId);
      // Only the session's own host or teachers can be thanked from its card: the data cannot name anyone else.
      const allowed = to && (to === session.hostId || session.teacherIds.includes(to)) ? to : undefined;
      const result = await deps.kudos.give(req.actor, req.teamId, allowed, '', {
        ...(session.channelId ? { channelId: session.channelId } : {}),
        sessionId,
      });
      if (!result.ok) return answer(req, failureAnswer(result.failure, req.locale));
      if (result.value.channelId)
        await deps.outbox.enqueue({ kind: 'postKudos', tenantId: req.actor.tenantId, teamId: req.teamId, kudosId: result.value.kudosId });
      const name = detail.value.people.get(result.value.toUserId)?.displayName ?? '—';
      return answer(req, t(req.locale, 'sessions:kudosSent', { to: userText(name, 80) }), 'good');
    },
    async declineRole(req) {
      const result = await sessions.declineRole(req.actor, req.teamId, str(req.data.sessionId) ?? '');
      if (!result.ok) return cardResponse(sessionMessageCard(failureAnswer(result.failure, req.locale), 'attention'));
      return cardResponse(sessionMessageCard(t(req.locale, 'sessions:declineDone', { title: userText(result.value.title, 120) }), 'good'));
    },
    async createSession(req) {
      const here = channelData(req.context.activity);
      const hereChannel = here.team?.id === req.teamId ? here.channel?.id : undefined;
      const result = await createFromForm(deps, req.actor, req.teamId, req.data, req.locale, 'execute', hereChannel);
      return cardResponse(result.card);
    },
  };

  /** Who acts, in which team, on which session: checked once for every verb, from the sender and the card's data (its verb's schema). */
  const asVerb =
    (verb: SessionVerb): InvokeHandler =>
    async (context) => {
      const locale = toLocale(context.activity.locale);
      const actor = personOf(context.activity);
      if (!actor) return cardResponse(sessionMessageCard(t(locale, 'sessions:failure_noIdentity'), 'attention'));
      const parsed = SESSION_VERB_DATA[verb].safeParse(cardActionOf(context.activity.value).data);
      if (!parsed.success) {
        const why = missesIds(parsed.error) ? 'sessions:failure_missingSession' : 'sessions:failure_invalid';
        return cardResponse(sessionMessageCard(t(locale, why), 'attention'));
      }
      const data = parsed.data;
      const teamId = str(data.teamId) ?? '';
      // A card from one team cannot act on another's sessions, whatever its data says.
      const here = channelData(context.activity).team?.id;
      if (here && here !== teamId) return cardResponse(sessionMessageCard(t(locale, 'sessions:failure_otherTeam'), 'attention'));
      return verbs[verb]({ context, actor: { tenantId: actor.tenantId, userId: actor.userId }, teamId, data, locale });
    };

  return {
    refresh: asVerb('refresh'),
    rsvp: asVerb('rsvp'),
    cancelSession: asVerb('cancelSession'),
    editSession: asVerb('editSession'),
    saveSession: asVerb('saveSession'),
    feedback: asVerb('feedback'),
    applied: asVerb('applied'),
    kudos: asVerb('kudos'),
    declineRole: asVerb('declineRole'),
    createSession: asVerb('createSession'),
  };
}

/** A stored session as the form's input values (date and time in the team's zone). */
function valuesOf(session: LearningSession, timeZone: string): Record<string, unknown> {
  const { date, time } = toDateAndTimeInputs(new Date(session.startsAt), timeZone);
  return {
    title: session.title,
    description: session.description,
    skills: session.skills.join(', '),
    format: session.format,
    date,
    time,
    durationMinutes: String(session.durationMinutes),
    place: session.place ?? '',
    onlineUrl: session.onlineUrl ?? '',
    capacity: session.capacity === null ? '' : String(session.capacity),
    ...(session.channelId ? { channelId: session.channelId } : {}),
    teacherIds: session.teacherIds.join(','),
    ...(session.discussionLeaderId ? { discussionLeaderId: session.discussionLeaderId } : {}),
    openToOrganisation: String(session.openToOrganisation),
  };
}

interface FormResult {
  readonly created?: readonly LearningSession[];
  readonly card: AdaptiveCard;
}

/** The form's submit from any surface: created → a confirmation; invalid → the form again, problems inline; nothing stored. */
export async function createFromForm(
  deps: Pick<SessionInvokeDeps, 'sessions' | 'skills'>,
  actor: PersonRef,
  teamId: string,
  values: Readonly<Record<string, unknown>>,
  locale: Locale,
  submit: 'execute' | 'dialog',
  /** The channel the form was used in: the invite goes there when the form names none (e.g. a team whose channel list is not known yet). */
  hereChannelId?: string,
): Promise<FormResult> {
  const named = typeof values.channelId === 'string' && values.channelId.trim() !== '';
  // The bot's "I can teach this" form carries the learning request: the save takes it (first save wins), as the tab's does.
  const fromRequestId = requestIdOf(values);
  if (fromRequestId === false) return { card: sessionMessageCard(t(locale, 'requests:failure_notFound'), 'attention') };
  // The session's skills pass the team's taxonomy, as the API's do: "Dokcer" is asked about under the field.
  const admitted = await admitFormSkills(deps.skills, actor, teamId, values, 'skills');
  if (!admitted.ok)
    return {
      card: await planningFormCard(deps.sessions, actor, teamId, locale, submit, {
        values,
        unknownSkills: admitted.unknown,
        ...(fromRequestId ? { fromRequestId } : {}),
      }),
    };
  const input = typedSkills(values.skills).length > 0 ? { ...values, skills: admitted.fields['skills'] } : values;
  const result = await deps.sessions.create(actor, teamId, named || !hereChannelId ? input : { ...input, channelId: hereChannelId }, {
    fromRequestId,
  });
  if (result.ok) {
    await admitted.commit();
    const [first] = result.value;
    if (!first) return { card: sessionMessageCard(t(locale, 'sessions:failure_invalid'), 'attention') };
    const planning = await deps.sessions.planningContext(actor.tenantId, teamId, actor.userId);
    const timeZone = planning.ok ? planning.value.timeZone : 'Europe/Amsterdam';
    const when = formatWhen(first, locale, timeZone);
    const text =
      result.value.length > 1
        ? t(locale, 'sessions:planCreatedSeries', { title: userText(first.title, 120), count: result.value.length, when })
        : t(locale, first.channelId ? 'sessions:planCreated' : 'sessions:planCreatedNoChannel', {
            title: userText(first.title, 120),
            when,
          });
    return { created: result.value, card: sessionMessageCard(text, 'good') };
  }
  if (result.failure.kind !== 'invalid') return { card: sessionMessageCard(failureAnswer(result.failure, locale), 'attention') };
  return {
    card: await planningFormCard(deps.sessions, actor, teamId, locale, submit, {
      values,
      problems: result.failure.problems,
      ...(fromRequestId ? { fromRequestId } : {}),
    }),
  };
}

/** The planning form for a team: empty (with the channel it was opened in), or again with what was typed and why it was refused. */
export async function planningFormCard(
  sessions: SessionService,
  actor: PersonRef,
  teamId: string,
  locale: Locale,
  submit: 'execute' | 'dialog',
  filled: {
    readonly channelId?: string | undefined;
    readonly values?: Readonly<Record<string, unknown>>;
    readonly problems?: readonly SessionProblem[];
    readonly fromRequestId?: string;
    readonly unknownSkills?: readonly UnknownSkill[];
  },
): Promise<AdaptiveCard> {
  const planning = await sessions.planningContext(actor.tenantId, teamId, actor.userId);
  if (!planning.ok) return sessionMessageCard(failureAnswer(planning.failure, locale), 'attention');
  const { team, members, suggestedLeader, timeZone } = planning.value;
  const { channelId, values, problems, fromRequestId, unknownSkills } = filled;
  return sessionFormCard(
    {
      teamId,
      channels: team.channels,
      members,
      // A new session is hosted by whoever plans it.
      hostId: actor.userId,
      ...(suggestedLeader ? { suggestedLeader } : {}),
      timeZone,
      submit,
      ...(channelId && team.channels.some((c) => c.channelId === channelId) ? { channelId } : {}),
      ...(values ? { values } : {}),
      ...(problems ? { problems } : {}),
      ...(fromRequestId ? { fromRequestId } : {}),
      ...(unknownSkills ? { unknownSkills } : {}),
    },
    locale,
  );
}

const REQUEST_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

/** The learning request a plan form answers: none, a well-formed id, or `false` for one no request could have (never sent to storage). */
function requestIdOf(values: Readonly<Record<string, unknown>>): string | undefined | false {
  const value = values.requestId;
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' && REQUEST_ID.test(value) ? value : false;
}
