import { TeamsInfo } from 'botbuilder';
import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/shared/adaptive-card';
import { kudosCard } from '../../cards/kudos/kudos-card';
import { mySessionsCard, sessionMessageCard } from '../../cards/sessions/session-notice-cards';
import { t } from '../../cards/shared/i18n';
import type { Locale } from '../../domain/shared/person';
import { toLocale } from '../../domain/shared/person';
import type { Outbox } from '../../domain/delivery/outbox';
import type { SessionLinks } from '../../domain/sessions/session-links';
import type { Services } from '../../domain/shared/services';
import { timeZoneOf } from '../../domain/sessions/session-service';
import type { SessionService } from '../../domain/sessions/session-service';
import type { ProfileService } from '../../domain/experts/profile-service';
import { dialogDataOf } from '../shared/bot-feature';
import type { BotFeature, CommandHandler, InvokeHandler } from '../shared/bot-feature';
import { cardMessage } from '../shared/card-message';
import { channelData, personOf } from '../shared/identity';
import { failureAnswer } from '../shared/failure-answer';
import { dialogCard, dialogMessage } from '../shared/invoke-responses';
import { createFromForm, planningFormCard, sessionCardVerbs } from './session-invokes';
import { PLAN_DIALOG_DATA, PLAN_FROM_REQUEST_DATA } from './session-verb-data';
import type { PlanFromRequest } from './session-verb-data';
import { requestSessionDraft } from '../../cards/requests/request-session-draft';
import { findSessionHandlers } from './find-session';

interface SessionsFeatureDeps {
  readonly services: Pick<
    Services,
    'sessions' | 'rsvps' | 'sessionFeedback' | 'kudos' | 'profiles' | 'findSessions' | 'learningRequests' | 'skills'
  >;
  readonly outbox: Outbox;
  readonly now: () => Date;
  readonly sessionLinks: SessionLinks;
}

/** The team an activity happens in; in a personal chat, the person's only team (if they have exactly one). */
async function teamOf(context: TurnContext, sessions: SessionService): Promise<string | undefined> {
  const here = channelData(context.activity).team?.id;
  if (here) return here;
  const person = personOf(context.activity);
  if (!person) return undefined;
  const teams = await sessions.teamsOf(person.tenantId, person.userId);
  return teams.length === 1 ? teams[0] : undefined;
}

async function planningForm(
  sessions: SessionService,
  context: TurnContext,
  teamId: string,
  locale: Locale,
  submit: 'execute' | 'dialog',
): Promise<AdaptiveCard> {
  const person = personOf(context.activity);
  if (!person) return sessionMessageCard(t(locale, 'sessions:failure_noIdentity'), 'attention');
  return planningFormCard(sessions, person, teamId, locale, submit, { channelId: channelData(context.activity).channel?.id });
}

interface Mention {
  readonly type?: string;
  readonly mentioned?: { readonly id?: string; readonly name?: string; readonly aadObjectId?: string };
}

/** The Entra object id of the first person @mentioned (not the bot): from the mention, the roster, or a unique name. */
async function mentionedPerson(
  context: TurnContext,
  profiles: ProfileService,
  tenantId: string,
): Promise<{ userId?: string; name: string } | undefined> {
  const botId = context.activity.recipient?.id;
  const mention = ((context.activity.entities ?? []) as Mention[]).find(
    (e) => e.type === 'mention' && e.mentioned?.id && e.mentioned.id !== botId,
  );
  if (!mention?.mentioned) return undefined;
  const { id = '', name = '', aadObjectId } = mention.mentioned;
  if (aadObjectId) return { userId: aadObjectId, name };
  try {
    const member = await TeamsInfo.getMember(context, id);
    if (member.aadObjectId) return { userId: member.aadObjectId, name: member.name || name };
  } catch {
    // Outside Teams (or when the roster is unreachable) fall back to the profiles PeerLearn knows.
  }
  const matches = await profiles.named(tenantId, name);
  const [only] = matches;
  return matches.length === 1 && only ? { userId: only.userId, name } : { name };
}

/** Sessions (F3–F6): planning, the invite card's actions, my sessions and kudos. */
export function sessionsFeature(deps: SessionsFeatureDeps) {
  const { sessions, kudos } = deps.services;
  const cardVerbs = sessionCardVerbs({ ...deps.services, links: deps.sessionLinks, outbox: deps.outbox, now: deps.now });

  const newSession: CommandHandler = async (context, _command, locale) => {
    const teamId = await teamOf(context, sessions);
    if (!teamId) {
      await context.sendActivity(t(locale, 'sessions:planNoTeam'));
      return;
    }
    await context.sendActivity(cardMessage(await planningForm(sessions, context, teamId, locale, 'execute')));
  };

  const mySessions: CommandHandler = async (context, _command, locale) => {
    const person = personOf(context.activity);
    if (!person) {
      await context.sendActivity(t(locale, 'sessions:failure_noIdentity'));
      return;
    }
    const here = channelData(context.activity).team?.id;
    const lines = await sessions.mySessions(person, here ? [here] : []);
    await context.sendActivity(cardMessage(mySessionsCard(lines, locale, timeZoneOf(undefined))));
  };

  const thanks: CommandHandler = async (context, command, locale) => {
    const person = personOf(context.activity);
    if (!person) {
      await context.sendActivity(t(locale, 'sessions:failure_noIdentity'));
      return;
    }
    const teamId = await teamOf(context, sessions);
    const mentioned = await mentionedPerson(context, deps.services.profiles, person.tenantId);
    if (!mentioned?.userId) {
      await context.sendActivity(t(locale, 'sessions:kudosNobody'));
      return;
    }
    if (mentioned.userId === person.userId) {
      await context.sendActivity(t(locale, 'sessions:kudosSelf'));
      return;
    }
    if (!teamId) {
      await context.sendActivity(t(locale, 'sessions:kudosNoTeam'));
      return;
    }
    // The message without the mention markup: "thanks <at>Ann</at> for the demo" → "for the demo".
    const message = command.argument
      .replace(/<at>.*?<\/at>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    const channelId = channelData(context.activity).channel?.id;
    const result = await kudos.give(person, teamId, mentioned.userId, message, channelId ? { channelId } : {});
    if (!result.ok) {
      await context.sendActivity(failureAnswer(result.failure, locale));
      return;
    }
    // Straight into the conversation it was said in: the thank-you appears where people saw it.
    await context.sendActivity(
      cardMessage(kudosCard({ kudos: result.value, fromName: person.displayName, toName: mentioned.name }, locale)),
    );
  };

  /** The planning dialog, from the compose box (`planSession`) or a card button (`task/fetch`); from a request card, filled from it. */
  const fetchPlanTask: InvokeHandler = async (context) => {
    const locale = toLocale(context.activity.locale);
    const fromRequest = PLAN_FROM_REQUEST_DATA.safeParse(dialogDataOf(context.activity.value));
    if (fromRequest.success)
      return dialogCard(await requestPlanForm(context, fromRequest.data, locale), t(locale, 'sessions:planDialogTitle'));
    const teamId = await teamOf(context, sessions);
    if (!teamId)
      return dialogCard(sessionMessageCard(t(locale, 'sessions:planNoTeam'), 'attention'), t(locale, 'sessions:planDialogTitle'));
    return dialogCard(await planningForm(sessions, context, teamId, locale, 'dialog'), t(locale, 'sessions:planDialogTitle'));
  };

  /**
   * "I can teach this" on a request card (in the channel, or the teachers' personal alert): the form
   * filled from the request, carrying its id. Only a team member who did not ask it, while it is open
   * (the domain decides); opening the form takes nothing, so cancelling leaves the request open.
   */
  async function requestPlanForm(context: TurnContext, data: PlanFromRequest, locale: Locale): Promise<AdaptiveCard> {
    const person = personOf(context.activity);
    if (!person) return sessionMessageCard(t(locale, 'sessions:failure_noIdentity'), 'attention');
    // A card in one team's channel cannot open another team's request, whatever its data says.
    const here = channelData(context.activity).team?.id;
    if (here && here !== data.teamId) return sessionMessageCard(t(locale, 'sessions:failure_otherTeam'), 'attention');
    const teachable = await deps.services.learningRequests.teachable(person, data.teamId, data.requestId);
    if (!teachable.ok) return sessionMessageCard(failureAnswer(teachable.failure, locale), 'attention');
    const draft = requestSessionDraft(teachable.value.request, locale);
    return planningFormCard(sessions, person, data.teamId, locale, 'dialog', {
      channelId: channelData(context.activity).channel?.id,
      values: { title: draft.title, skills: draft.skills.join(', '), description: draft.description },
      fromRequestId: data.requestId,
    });
  }

  const submitPlanTask: InvokeHandler = async (context): Promise<InvokeResponse> => {
    const locale = toLocale(context.activity.locale);
    const parsed = PLAN_DIALOG_DATA.safeParse(dialogDataOf(context.activity.value));
    if (!parsed.success)
      return dialogCard(sessionMessageCard(t(locale, 'sessions:failure_invalid'), 'attention'), t(locale, 'sessions:planDialogTitle'));
    const data = parsed.data;
    const person = personOf(context.activity);
    const teamId = typeof data.teamId === 'string' ? data.teamId : await teamOf(context, sessions);
    if (!person || !teamId)
      return dialogCard(
        sessionMessageCard(t(locale, person ? 'sessions:planNoTeam' : 'sessions:failure_noIdentity'), 'attention'),
        t(locale, 'sessions:planDialogTitle'),
      );
    const here = channelData(context.activity).team?.id;
    if (here && here !== teamId)
      return dialogCard(sessionMessageCard(t(locale, 'sessions:failure_otherTeam'), 'attention'), t(locale, 'sessions:planDialogTitle'));
    const hereChannel = here === teamId ? channelData(context.activity).channel?.id : undefined;
    const result = await createFromForm(
      { sessions, skills: deps.services.skills },
      { tenantId: person.tenantId, userId: person.userId },
      teamId,
      data,
      locale,
      'dialog',
      hereChannel,
    );
    if (!result.created) return dialogCard(result.card, t(locale, 'sessions:planDialogTitle'));
    const text = result.card.body[0]?.type === 'TextBlock' ? result.card.body[0].text : '';
    return dialogMessage(text);
  };

  const findSession = findSessionHandlers(deps);

  return {
    commands: { newSession, mySessions, thanks },
    cardVerbs,
    messagingExtension: {
      query: { findSession: findSession.query },
      selectItem: { findSession: findSession.selectItem },
      fetchTask: { planSession: fetchPlanTask },
      submitAction: { planSession: submitPlanTask },
    },
    // The bot's own dialog: a card button with `msteams: { type: 'task/fetch' }` and `verb: 'planSession'`; its form submits `verb: 'createSession'`.
    dialogs: { fetch: { planSession: fetchPlanTask }, submit: { createSession: submitPlanTask } },
  } satisfies BotFeature;
}
