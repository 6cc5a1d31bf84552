import { ActivityTypes, INVOKE_RESPONSE_KEY, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { ChannelAccount, InvokeResponse } from 'botbuilder';
import { t } from '../../cards/shared/i18n';
import { userText } from '../../cards/shared/user-text';
import { welcomeCard } from '../../cards/help/welcome-card';
import { DIALOG_OPEN_VERBS, DIALOG_SUBMIT_VERBS, isCardVerb, isOneOf } from '../../domain/shared/card-verbs';
import { parseCommand } from '../../domain/shared/commands';
import { ACTION_COMMAND_IDS, SEARCH_COMMAND_IDS } from '../../domain/shared/messaging-extension-commands';
import { toLocale } from '../../domain/shared/person';
import type { Locale } from '../../domain/shared/person';
import type { Outbox } from '../../domain/delivery/outbox';
import type { Services } from '../../domain/shared/services';
import { cardActionOf, commandIdOf, dialogDataOf } from './bot-feature';
import type { BotRoutes, CommandHandler, InvokeHandler } from './bot-feature';
import { cardMessage } from './card-message';
import { channelData, personOf, tenantOf } from './identity';
import {
  composeMessage,
  dialogMessage,
  errorResponse,
  messageResponse,
  notImplementedResponse,
  unavailableResponse,
} from './invoke-responses';
import { StorageUnavailableError } from '../../domain/shared/storage-errors';
import type { Logger } from '../../domain/shared/logger';
import type { AddressBook } from '../../domain/delivery/delivery';
import { registerConversationReferences, rememberPersonAddress, rememberPersonAddressLater } from '../delivery/conversation-references';
import type { SenderRecords } from '../../domain/delivery/sender-records';
import { registerTeamRoster } from '../teams/team-roster';

export interface BotDependencies {
  readonly services: Services;
  readonly outbox: Outbox;
  readonly now: () => Date;
  readonly log: Logger;
  /** Where proactive posts go: team and 1:1 addresses, kept fresh from the bot's activities. */
  readonly addresses: AddressBook;
  /** A sender's profile and address, written after the answer (for the invokes `answersFirst` names). */
  readonly senderRecords: SenderRecords;
}

/** The handler for a key from the wire, when the key is one of the table's own: "__proto__" or "toString" find nothing. */
function handlerIn<K extends string>(
  table: Readonly<Record<K, InvokeHandler>>,
  keys: readonly K[],
  key: unknown,
): InvokeHandler | undefined {
  return isOneOf(keys, key) ? table[key] : undefined;
}

/**
 * Handlers only translate: activity in → domain call → card out. The bot routes every activity through
 * one typed table per kind (`BotRoutes`), and answers whatever no table holds itself: never a feature, never a throw.
 */
/**
 * Invokes that record nothing about their sender. A messaging-extension query comes per keystroke: a read-only
 * search that must answer within 5 s costs no storage round trip for bookkeeping. The erase card's buttons must
 * not write the person down again just before (or after) their data is erased.
 */
function quietInvoke(name: string | undefined, value: unknown): boolean {
  if (name === 'composeExtension/query') return true;
  return name === 'adaptiveCard/action' && isOneOf(['eraseMe', 'keepMyData'] as const, cardActionOf(value).verb);
}

/**
 * Card verbs whose answer needs nothing of the sender but their membership: their profile and
 * address are written after the answer. An RSVP burst on one invite is the case it is for
 * (docs/BENCHMARKS.md); a verb that reads or edits the sender's own profile must not be listed.
 */
const ANSWERS_FIRST_VERBS = ['rsvp', 'refresh'] as const;

function answersFirst(name: string | undefined, value: unknown): boolean {
  return name === 'adaptiveCard/action' && isOneOf(ANSWERS_FIRST_VERBS, cardActionOf(value).verb);
}

export class PeerLearnBot extends TeamsActivityHandler {
  constructor(
    private readonly deps: BotDependencies,
    private readonly routes: BotRoutes,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.rememberSender(context);
      // A card's Action.Submit arrives as a message with `value` and no text; features answer those through invokes.
      const command = commandOf(context);
      const locale = localeOf(context, command);
      const handler = command.id === 'unknown' ? this.unknown : this.routes.commands[command.id];
      await handler(context, command, locale);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      const added: ChannelAccount[] = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
    // After the welcome, which writes the team row these handlers keep fresh.
    registerConversationReferences(this, { addresses: deps.addresses, teams: deps.services.teams, now: deps.now, log: deps.log });
    registerTeamRoster(this, { teams: deps.services.teams, log: deps.log });
  }

  /**
   * Storage slow or down during a turn: the person is told, in their language, that nothing was saved
   * and to try again (a message, or the invoke's own kind of answer), and the log gets one warning.
   * Any other failure goes on to the adapter's onTurnError.
   */
  override async run(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      const { type, name } = context.activity;
      this.deps.log.warn('bot turn: storage unavailable; the person was asked to try again', {
        activityType: type,
        ...(name ? { activityName: name } : {}),
        reason: error.message,
      });
      const text = t(localeOf(context), 'common:storageUnavailable');
      if (type !== ActivityTypes.Invoke) {
        await context.sendActivity(text);
      } else if (!context.turnState.get(INVOKE_RESPONSE_KEY)) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: textAnswer(name, text) ?? unavailableResponse(text) });
      }
    }
  }

  private readonly unknown: CommandHandler = async (context, command, locale) => {
    // Teams reads a bot's message as Markdown too: the echo must not become a link in the channel.
    const text = userText(command.text, 60);
    await context.sendActivity(text === '' ? t(locale, 'common:emptyMessage') : t(locale, 'common:unknownCommand', { text }));
  };

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name, value } = context.activity;
    const handler = this.invokeHandlerOf(name, value);
    if (!handler) return notAvailable(name, value, toLocale(context.activity.locale));
    if (answersFirst(name, value)) await this.rememberSenderAfterAnswer(context);
    else if (!quietInvoke(name, value)) await this.rememberSender(context);
    return handler(context);
  }

  /** The one handler for an invoke: by its name, then by the verb or command id it carries. */
  private invokeHandlerOf(name: string | undefined, value: unknown): InvokeHandler | undefined {
    const { cardVerbs, messagingExtension, dialogs } = this.routes;
    switch (name) {
      case 'adaptiveCard/action': {
        const { verb } = cardActionOf(value);
        return isCardVerb(verb) ? cardVerbs[verb] : undefined;
      }
      case 'composeExtension/query':
        return handlerIn(messagingExtension.query, SEARCH_COMMAND_IDS, commandIdOf(value));
      case 'composeExtension/selectItem':
        return handlerIn(messagingExtension.selectItem, SEARCH_COMMAND_IDS, commandIdOf(value));
      case 'composeExtension/fetchTask':
        return handlerIn(messagingExtension.fetchTask, ACTION_COMMAND_IDS, commandIdOf(value));
      case 'composeExtension/submitAction':
        return handlerIn(messagingExtension.submitAction, ACTION_COMMAND_IDS, commandIdOf(value));
      case 'task/fetch':
        return handlerIn(dialogs.fetch, DIALOG_OPEN_VERBS, dialogDataOf(value).verb);
      case 'task/submit':
        return handlerIn(dialogs.submit, DIALOG_SUBMIT_VERBS, dialogDataOf(value).verb);
      default:
        return undefined;
    }
  }

  private async rememberSender(context: TurnContext): Promise<void> {
    const person = personOf(context.activity);
    if (person) await this.deps.services.profiles.sighted(person);
    // An activity from a team's conversation comes from one of its members, whatever the roster says so far.
    const teamId = channelData(context.activity).team?.id;
    if (person && teamId) await this.deps.services.teams.vouchedMember(person.tenantId, teamId, person.userId);
    await rememberPersonAddress(context, this.deps.addresses, this.deps.now);
  }

  /**
   * As `rememberSender`, but only the membership (the access check needs it) before the answer; the
   * profile and the address are queued for `senderRecords`. A 1:1 chat's address goes the usual way,
   * since its conversation id must never come back after the app was removed there.
   */
  private async rememberSenderAfterAnswer(context: TurnContext): Promise<void> {
    const person = personOf(context.activity);
    if (context.activity.conversation?.conversationType === 'personal' || !person) {
      await this.rememberSender(context);
      return;
    }
    const { senderRecords } = this.deps;
    senderRecords.sighted(person);
    const teamId = channelData(context.activity).team?.id;
    if (teamId) await this.deps.services.teams.vouchedMember(person.tenantId, teamId, person.userId);
    rememberPersonAddressLater(context, this.deps.addresses, senderRecords, this.deps.now);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const locale = toLocale(context.activity.locale);
    const team = channelData(context.activity).team;
    const tenantId = tenantOf(context.activity);
    if (team?.id && tenantId) {
      const installerId = personOf(context.activity)?.userId;
      await this.deps.services.teams.recordInstall({
        tenantId,
        teamId: team.id,
        name: team.name,
        aadGroupId: team.aadGroupId,
        locale,
        installerId,
      });
      await context.sendActivity(cardMessage(welcomeCard('team', locale)));
      return;
    }
    const name = context.activity.from?.name ?? '';
    await context.sendActivity(cardMessage(welcomeCard('personal', locale, name)));
  }
}

function commandOf(context: TurnContext) {
  return parseCommand(TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '');
}

/** The command's own language wins ("hulp" gets Dutch even in an English Teams client). */
function localeOf(
  context: TurnContext,
  command = context.activity.type === ActivityTypes.Message ? commandOf(context) : undefined,
): Locale {
  return command?.locale ?? toLocale(context.activity.locale);
}

/** A text in the shape the invoke's surface shows: on the card (Universal Actions), in the compose box or the dialog. */
function textAnswer(name: string | undefined, text: string): InvokeResponse | undefined {
  switch (name) {
    case 'adaptiveCard/action':
      return messageResponse(text);
    case 'composeExtension/query':
    case 'composeExtension/selectItem':
      return composeMessage(text);
    case 'composeExtension/fetchTask':
    case 'composeExtension/submitAction':
    case 'task/fetch':
    case 'task/submit':
      return dialogMessage(text);
    default:
      return undefined;
  }
}

/** The answer to an invoke no table holds: an error toast on the card (Universal Actions), a text elsewhere, else HTTP 501. */
function notAvailable(name: string | undefined, value: unknown, locale: Locale): InvokeResponse {
  if (name === 'adaptiveCard/action') {
    const { verb } = cardActionOf(value);
    return errorResponse(
      400,
      'unknownVerb',
      t(locale, 'common:unknownCardAction', { verb: typeof verb === 'string' ? verb.slice(0, 40) : '' }),
    );
  }
  const text = t(locale, 'common:invokeNotAvailable');
  return textAnswer(name, text) ?? notImplementedResponse(text);
}
