import { CardFactory, MessageFactory, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { ChannelAccount } from 'botbuilder';
import { helpCard } from '../cards/help-card';
import { t } from '../cards/strings';
import { welcomeCard } from '../cards/welcome-card';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { parseCommand } from '../domain/commands';
import type { CommandId, ParsedCommand } from '../domain/commands';
import { recordSighting } from '../domain/members';
import { toLocale } from '../domain/person';
import type { Locale } from '../domain/person';
import type { Repositories } from '../domain/repositories';
import { channelData, personOf, tenantOf } from './identity';
import type { Logger } from './adapter';

export interface BotDependencies {
  readonly repositories: Repositories;
  readonly now: () => Date;
  readonly log: Logger;
}

type CommandHandler = (context: TurnContext, command: ParsedCommand, locale: Locale) => Promise<void>;

const cardMessage = (card: AdaptiveCard) => MessageFactory.attachment(CardFactory.adaptiveCard(card));

/** Handlers only translate: activity in → domain call → card out. */
export class PeerLearnBot extends TeamsActivityHandler {
  private readonly commands: Record<CommandId, CommandHandler> = {
    help: async (context, _command, locale) => {
      await context.sendActivity(cardMessage(helpCard(locale)));
    },
    unknown: async (context, command, locale) => {
      const text = command.text.length > 60 ? `${command.text.slice(0, 57)}…` : command.text;
      await context.sendActivity(text === '' ? t(locale, 'emptyMessage') : t(locale, 'unknownCommand', { text }));
    },
  };

  constructor(private readonly deps: BotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.rememberSender(context);
      const command = parseCommand(TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '');
      // The command's own language wins ("hulp" gets Dutch even in an English Teams client).
      const locale = command.locale ?? toLocale(context.activity.locale);
      await this.commands[command.id](context, command, locale);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      const added: ChannelAccount[] = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
  }

  private async rememberSender(context: TurnContext): Promise<void> {
    const person = personOf(context.activity);
    if (person) await recordSighting(this.deps.repositories.members, person, this.deps.now());
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
    const existing = await teams.get(tenantId, teamId);
    if (!(await tenants.get(tenantId))) await tenants.upsert({ tenantId, name: '', createdAt: now });
    await teams.upsert({
      tenantId,
      teamId,
      name: name ?? existing?.name ?? '',
      ...(aadGroupId ? { aadGroupId } : existing?.aadGroupId ? { aadGroupId: existing.aadGroupId } : {}),
      locale: existing?.locale ?? locale,
      channels: existing?.channels ?? [],
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
  }
}
