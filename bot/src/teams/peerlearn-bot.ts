import { TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { ChannelAccount, InvokeResponse } from 'botbuilder';
import { t } from '../cards/strings';
import { welcomeCard } from '../cards/welcome-card';
import { parseCommand } from '../domain/commands';
import type { CommandId } from '../domain/commands';
import { recordSighting } from '../domain/members';
import { toLocale } from '../domain/person';
import type { Locale } from '../domain/person';
import type { Outbox } from '../domain/outbox';
import type { Repositories } from '../domain/repositories';
import { cardVerbOf, commandIdOf, invokeResponse, isInvokeName } from './bot-feature';
import { cardMessage } from './card-message';
import type { BotFeature, CommandHandler, InvokeHandler, InvokeName } from './bot-feature';
import { channelData, personOf, tenantOf } from './identity';
import type { Logger } from './adapter';
import type { AddressBook } from '../domain/delivery';
import { registerConversationReferences, rememberPersonAddress } from './conversation-references';
import { registerTeamRoster } from './team-roster';

export interface BotDependencies {
  readonly repositories: Repositories;
  readonly outbox: Outbox;
  readonly now: () => Date;
  readonly log: Logger;
  /** Where proactive posts go: team and 1:1 addresses, kept fresh from the bot's activities. */
  readonly addresses: AddressBook;
}

/** Handlers only translate: activity in → domain call → card out. Features bring their commands and invokes. */
export class PeerLearnBot extends TeamsActivityHandler {
  private readonly commands: Partial<Record<CommandId, CommandHandler>> = {};
  private readonly invokes: Partial<Record<InvokeName, InvokeHandler>> = {};
  // A Map, not an object: a verb like "__proto__" or "toString" from a card must find nothing.
  private readonly cardVerbs = new Map<string, InvokeHandler>();
  // Messaging-extension dialogs by `commandId` + invoke name, e.g. `shareTip composeExtension/fetchTask`.
  private readonly actionCommands = new Map<string, InvokeHandler>();

  constructor(
    private readonly deps: BotDependencies,
    features: readonly BotFeature[],
  ) {
    super();
    for (const feature of features) {
      Object.assign(this.commands, feature.commands);
      Object.assign(this.invokes, feature.invokes);
      for (const [verb, handler] of Object.entries(feature.cardVerbs ?? {})) this.cardVerbs.set(verb, handler);
      for (const [id, handlers] of Object.entries(feature.actionCommands ?? {})) {
        this.actionCommands.set(`${id} composeExtension/fetchTask`, handlers.fetchTask);
        this.actionCommands.set(`${id} composeExtension/submitAction`, handlers.submitAction);
      }
    }
    this.onMessage(async (context, next) => {
      await this.rememberSender(context);
      // A card's Action.Submit arrives as a message with `value` and no text; features answer those through invokes.
      const command = parseCommand(TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '');
      // The command's own language wins ("hulp" gets Dutch even in an English Teams client).
      const locale = command.locale ?? toLocale(context.activity.locale);
      const handler = this.commands[command.id] ?? this.unknown;
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
    registerConversationReferences(this, { addresses: deps.addresses, teams: deps.repositories.teams, now: deps.now, log: deps.log });
    registerTeamRoster(this, { repositories: deps.repositories, now: deps.now, log: deps.log });
  }

  private readonly unknown: CommandHandler = async (context, command, locale) => {
    const text = command.text.length > 60 ? `${command.text.slice(0, 57)}…` : command.text;
    await context.sendActivity(text === '' ? t(locale, 'emptyMessage') : t(locale, 'unknownCommand', { text }));
  };

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const name = context.activity.name;
    const verb = name === 'adaptiveCard/action' ? cardVerbOf(context.activity.value) : undefined;
    const commandId = name === 'composeExtension/fetchTask' || name === 'composeExtension/submitAction' ? commandIdOf(context.activity.value) : undefined;
    const handler =
      (verb !== undefined ? this.cardVerbs.get(verb) : undefined) ??
      (commandId !== undefined ? this.actionCommands.get(`${commandId} ${name}`) : undefined) ??
      (isInvokeName(name) ? this.invokes[name] : undefined);
    if (handler) {
      // Teams sends a messaging-extension query per keystroke: a read-only search that must answer
      // within 5 s costs no storage round trip for bookkeeping (the person's other activities record them).
      if (name !== 'composeExtension/query') await this.rememberSender(context);
      return handler(context);
    }
    if (isInvokeName(name)) {
      const locale = toLocale(context.activity.locale);
      return invokeResponse({ statusCode: 501, type: 'application/vnd.microsoft.error', value: { code: 'NotImplemented', message: t(locale, 'invokeNotAvailable') } }, 200);
    }
    return super.onInvokeActivity(context);
  }

  private async rememberSender(context: TurnContext): Promise<void> {
    const person = personOf(context.activity);
    if (person) await recordSighting(this.deps.repositories.members, person, this.deps.now());
    await rememberPersonAddress(context, this.deps.addresses, this.deps.now);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const locale = toLocale(context.activity.locale);
    const team = channelData(context.activity).team;
    const tenantId = tenantOf(context.activity);
    if (team?.id && tenantId) {
      await this.rememberTeam(tenantId, team.id, team.name, team.aadGroupId, locale);
      await context.sendActivity(cardMessage(welcomeCard('team', locale)));
      return;
    }
    const name = context.activity.from?.name ?? '';
    await context.sendActivity(cardMessage(welcomeCard('personal', locale, name)));
  }

  /** Keeps the team known from its install on, so the tab of a real team finds it. */
  private async rememberTeam(tenantId: string, teamId: string, name: string | undefined, aadGroupId: string | undefined, locale: Locale) {
    const { teams, tenants } = this.deps.repositories;
    const now = this.deps.now().toISOString();
    if (!(await tenants.get(tenantId))) await tenants.upsert({ tenantId, name: '', createdAt: now });
    await teams.update(tenantId, teamId, (existing) => ({
      // Keep what owners set (team-settings.ts) across a reinstall.
      ...(existing?.reminderMinutes ? { reminderMinutes: existing.reminderMinutes } : {}),
      ...(existing?.timeZone ? { timeZone: existing.timeZone } : {}),
      tenantId,
      teamId,
      name: name ?? existing?.name ?? '',
      ...(aadGroupId ? { aadGroupId } : existing?.aadGroupId ? { aadGroupId: existing.aadGroupId } : {}),
      locale: existing?.locale ?? locale,
      channels: existing?.channels ?? [],
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    }));
  }
}
