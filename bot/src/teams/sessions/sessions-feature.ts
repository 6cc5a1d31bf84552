import { TeamsInfo } from 'botbuilder';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/adaptive-card';
import { kudosCard } from '../../cards/kudos-card';
import { sessionFormCard } from '../../cards/session-form-card';
import { mySessionsCard, sessionMessageCard } from '../../cards/session-notice-cards';
import { st } from '../../cards/session-strings';
import { MESSAGING_EXTENSION_COMMAND_IDS, MESSAGING_EXTENSION_COMMAND_TYPES } from '../../domain/messaging-extension-commands';
import type { MessagingExtensionCommandId } from '../../domain/messaging-extension-commands';
import type { Locale } from '../../domain/person';
import { toLocale } from '../../domain/person';
import type { Outbox } from '../../domain/outbox';
import type { Repositories } from '../../domain/repositories';
import type { SessionLinks } from '../../domain/session-links';
import { createSessionService, timeZoneOf } from '../../domain/session-service';
import type { SessionService } from '../../domain/session-service';
import type { BotFeature, CommandHandler } from '../bot-feature';
import { invokeResponse } from '../bot-feature';
import { cardAttachment, cardMessage } from '../card-message';
import { channelData, personOf } from '../identity';
import { createFromForm, createSessionActionHandler, failureText } from './session-invokes';

export interface SessionsFeatureDeps {
  readonly repositories: Repositories;
  readonly outbox: Outbox;
  readonly now: () => Date;
  readonly sessionLinks: SessionLinks;
}

/** The messaging extension's action commands (dialogs); `findExpert` is a search and belongs to the experts feature. */
// `shareTip` belongs to the tips feature (teams/tips), which registers it as an action command of its own.
type ActionCommand = Exclude<MessagingExtensionCommandId, 'findExpert' | 'shareTip'>;
const ACTION_COMMANDS: readonly ActionCommand[] = MESSAGING_EXTENSION_COMMAND_IDS.filter(
  (id): id is ActionCommand => MESSAGING_EXTENSION_COMMAND_TYPES[id] === 'action' && id !== 'shareTip',
);

const taskCard = (card: AdaptiveCard, title: string) =>
  invokeResponse({ task: { type: 'continue', value: { card: cardAttachment(card), title, height: 'large', width: 'medium' } } });

/** The team an activity happens in; in a personal chat, the person's only team (if they have exactly one). */
async function teamOf(context: TurnContext, repos: Repositories): Promise<string | undefined> {
  const here = channelData(context.activity).team?.id;
  if (here) return here;
  const person = personOf(context.activity);
  if (!person) return undefined;
  const teams = await repos.teams.listTeamsOf(person.tenantId, person.userId);
  return teams.length === 1 ? teams[0]?.teamId : undefined;
}

async function planningForm(sessions: SessionService, context: TurnContext, teamId: string, locale: Locale, submit: 'execute' | 'dialog'): Promise<AdaptiveCard> {
  const person = personOf(context.activity);
  if (!person) return sessionMessageCard(st(locale, 'failure_noIdentity'), 'attention');
  const planning = await sessions.planningContext(person.tenantId, teamId, person.userId);
  if (!planning.ok) return sessionMessageCard(failureText(planning.failure, locale), 'attention');
  const { team, members, suggestedLeader, timeZone } = planning.value;
  const here = channelData(context.activity).channel?.id;
  return sessionFormCard(
    {
      teamId,
      channels: team.channels,
      members,
      ...(suggestedLeader ? { suggestedLeader } : {}),
      timeZone,
      submit,
      ...(here && team.channels.some((c) => c.channelId === here) ? { channelId: here } : {}),
    },
    locale,
  );
}

interface Mention {
  readonly type?: string;
  readonly mentioned?: { readonly id?: string; readonly name?: string; readonly aadObjectId?: string };
}

/** The Entra object id of the first person @mentioned (not the bot): from the mention, the roster, or a unique name. */
async function mentionedPerson(context: TurnContext, repos: Repositories, tenantId: string): Promise<{ userId?: string; name: string } | undefined> {
  const botId = context.activity.recipient?.id;
  const mention = ((context.activity.entities ?? []) as Mention[]).find((e) => e.type === 'mention' && e.mentioned?.id && e.mentioned.id !== botId);
  if (!mention?.mentioned) return undefined;
  const { id = '', name = '', aadObjectId } = mention.mentioned;
  if (aadObjectId) return { userId: aadObjectId, name };
  try {
    const member = await TeamsInfo.getMember(context, id);
    if (member.aadObjectId) return { userId: member.aadObjectId, name: member.name || name };
  } catch {
    // Outside Teams (or when the roster is unreachable) fall back to the profiles PeerLearn knows.
  }
  const matches = (await repos.members.listForTenant(tenantId)).filter((p) => p.displayName.toLowerCase() === name.toLowerCase());
  const [only] = matches;
  return matches.length === 1 && only ? { userId: only.userId, name } : { name };
}

/** Sessions (F3–F6): planning, the invite card's actions, my sessions and kudos. */
export function sessionsFeature(deps: SessionsFeatureDeps): BotFeature {
  const sessions = createSessionService({ repositories: deps.repositories, outbox: deps.outbox, now: deps.now });
  const onAction = createSessionActionHandler({ sessions, links: deps.sessionLinks, outbox: deps.outbox, now: deps.now });

  const newSession: CommandHandler = async (context, _command, locale) => {
    const teamId = await teamOf(context, deps.repositories);
    if (!teamId) {
      await context.sendActivity(st(locale, 'planNoTeam'));
      return;
    }
    await context.sendActivity(cardMessage(await planningForm(sessions, context, teamId, locale, 'execute')));
  };

  const mySessions: CommandHandler = async (context, _command, locale) => {
    const person = personOf(context.activity);
    if (!person) {
      await context.sendActivity(st(locale, 'failure_noIdentity'));
      return;
    }
    const here = channelData(context.activity).team?.id;
    const lines = await sessions.mySessions(person, here ? [here] : []);
    await context.sendActivity(cardMessage(mySessionsCard(lines, locale, timeZoneOf(undefined))));
  };

  const thanks: CommandHandler = async (context, command, locale) => {
    const person = personOf(context.activity);
    if (!person) {
      await context.sendActivity(st(locale, 'failure_noIdentity'));
      return;
    }
    const teamId = await teamOf(context, deps.repositories);
    const mentioned = await mentionedPerson(context, deps.repositories, person.tenantId);
    if (!mentioned?.userId) {
      await context.sendActivity(st(locale, 'kudosNobody'));
      return;
    }
    if (mentioned.userId === person.userId) {
      await context.sendActivity(st(locale, 'kudosSelf'));
      return;
    }
    if (!teamId) {
      await context.sendActivity(st(locale, 'kudosNoTeam'));
      return;
    }
    // The message without the mention markup: "thanks <at>Ann</at> for the demo" → "for the demo".
    const message = command.argument.replace(/<at>.*?<\/at>/g, '').replace(/\s+/g, ' ').trim();
    const channelId = channelData(context.activity).channel?.id;
    const result = await sessions.giveKudos(person, teamId, mentioned.userId, message, channelId ? { channelId } : {});
    if (!result.ok) {
      await context.sendActivity(failureText(result.failure, locale));
      return;
    }
    // Straight into the conversation it was said in: the thank-you appears where people saw it.
    await context.sendActivity(cardMessage(kudosCard({ kudos: result.value, fromName: person.displayName, toName: mentioned.name }, locale)));
  };

  async function fetchPlanTask(context: TurnContext, locale: Locale): Promise<InvokeResponse> {
    const teamId = await teamOf(context, deps.repositories);
    if (!teamId) return taskCard(sessionMessageCard(st(locale, 'planNoTeam'), 'attention'), st(locale, 'planDialogTitle'));
    return taskCard(await planningForm(sessions, context, teamId, locale, 'dialog'), st(locale, 'planDialogTitle'));
  }

  async function submitPlanTask(context: TurnContext, data: Record<string, unknown>, locale: Locale): Promise<InvokeResponse> {
    const person = personOf(context.activity);
    const teamId = typeof data.teamId === 'string' ? data.teamId : await teamOf(context, deps.repositories);
    if (!person || !teamId) return taskCard(sessionMessageCard(st(locale, person ? 'planNoTeam' : 'failure_noIdentity'), 'attention'), st(locale, 'planDialogTitle'));
    const here = channelData(context.activity).team?.id;
    if (here && here !== teamId) return taskCard(sessionMessageCard(st(locale, 'failure_otherTeam'), 'attention'), st(locale, 'planDialogTitle'));
    const hereChannel = here === teamId ? channelData(context.activity).channel?.id : undefined;
    const result = await createFromForm({ sessions }, { tenantId: person.tenantId, userId: person.userId }, teamId, data, locale, 'dialog', hereChannel);
    if (!result.created) return taskCard(result.card, st(locale, 'planDialogTitle'));
    const text = result.card.body[0]?.type === 'TextBlock' ? result.card.body[0].text : '';
    return invokeResponse({ task: { type: 'message', value: text } });
  }

  const actionCommands: Record<ActionCommand, { fetch: (c: TurnContext, l: Locale) => Promise<InvokeResponse>; submit: (c: TurnContext, d: Record<string, unknown>, l: Locale) => Promise<InvokeResponse> }> = {
    planSession: { fetch: fetchPlanTask, submit: submitPlanTask },
  };

  const commandOf = (activity: Partial<Activity>): ActionCommand | undefined => {
    const id = (activity.value as { commandId?: unknown } | undefined)?.commandId;
    return (ACTION_COMMANDS as readonly unknown[]).includes(id) ? (id as ActionCommand) : undefined;
  };
  const submitted = (activity: Partial<Activity>): Record<string, unknown> => {
    const data = (activity.value as { data?: unknown } | undefined)?.data;
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  };
  const unknownCommand = (locale: Locale) =>
    invokeResponse({ task: { type: 'message', value: st(locale, 'failure_unknownAction', { verb: 'command' }) } });

  return {
    commands: { newSession, mySessions, thanks },
    invokes: {
      'adaptiveCard/action': onAction,
      'composeExtension/fetchTask': async (context) => {
        const locale = toLocale(context.activity.locale);
        const command = commandOf(context.activity);
        return command ? actionCommands[command].fetch(context, locale) : unknownCommand(locale);
      },
      'composeExtension/submitAction': async (context) => {
        const locale = toLocale(context.activity.locale);
        const command = commandOf(context.activity);
        return command ? actionCommands[command].submit(context, submitted(context.activity), locale) : unknownCommand(locale);
      },
      // The bot's own dialog: a card button with `msteams: { type: 'task/fetch' }` and `verb: 'planSession'`.
      'task/fetch': async (context) => fetchPlanTask(context, toLocale(context.activity.locale)),
      'task/submit': async (context) => submitPlanTask(context, submitted(context.activity), toLocale(context.activity.locale)),
    },
  };
}
