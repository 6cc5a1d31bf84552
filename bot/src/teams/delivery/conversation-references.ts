import { TeamsInfo } from 'botbuilder';
import type { ChannelInfo, TeamInfo, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { AddressBook } from '../../domain/delivery/delivery';
import type { SenderRecords } from '../../domain/delivery/sender-records';
import { withChannel, withoutChannel } from '../../domain/delivery/delivery';
import type { Channel } from '../../domain/teams/team';
import type { TeamService } from '../../domain/teams/team-service';
import type { Logger } from '../../domain/shared/logger';
import { channelData, tenantOf } from '../shared/identity';

interface ConversationReferenceDependencies {
  readonly addresses: AddressBook;
  readonly teams: Pick<TeamService, 'changeChannels'>;
  readonly now: () => Date;
  readonly log: Logger;
}

/** Teams sends the General channel without a name; its id is the team id. */
const GENERAL = 'General';

const channelOf = (info: ChannelInfo | { id?: string; name?: string }, teamId: string): Channel | undefined =>
  info.id ? { channelId: info.id, name: info.name ?? (info.id === teamId ? GENERAL : '') } : undefined;

/**
 * Keeps what proactive posts need: per team its serviceUrl, the bot's id and its channels (fresh on
 * channel and team events, gone on uninstall); per person their Teams id and 1:1 chat. Registered on
 * the bot after its own handlers, so a team row written by the welcome exists by then.
 */
export function registerConversationReferences(bot: TeamsActivityHandler, deps: ConversationReferenceDependencies): void {
  const { addresses, teams, now, log } = deps;

  const rememberTeamAddress = async (context: TurnContext, tenantId: string, teamId: string) => {
    await addresses.putTeam({
      tenantId,
      teamId,
      serviceUrl: context.activity.serviceUrl,
      botId: context.activity.recipient.id,
      updatedAt: now().toISOString(),
    });
  };

  const fetchChannels = async (context: TurnContext, teamId: string): Promise<Channel[]> => {
    try {
      const list = await TeamsInfo.getTeamChannels(context, teamId);
      const channels = list.map((c) => channelOf(c, teamId)).filter((c): c is Channel => c !== undefined);
      return channels.some((c) => c.channelId === teamId) ? channels : [{ channelId: teamId, name: GENERAL }, ...channels];
    } catch (error) {
      // Without the channel list (no permission, a client that lacks the call) the General channel still works.
      log.error(`could not list the channels of team ${teamId}; keeping the General channel`, error);
      return [{ channelId: teamId, name: GENERAL }];
    }
  };

  const forget = async (context: TurnContext) => {
    const tenantId = tenantOf(context.activity);
    const teamId = channelData(context.activity).team?.id;
    if (!tenantId) return;
    if (teamId) {
      await addresses.removeTeam(tenantId, teamId);
      await teams.changeChannels(tenantId, teamId, () => []);
      return;
    }
    const userId = context.activity.from?.aadObjectId;
    if (userId && context.activity.conversation.conversationType === 'personal') {
      const person = await addresses.getPerson(tenantId, userId);
      knownByBook.get(addresses)?.delete(`${tenantId}\n${userId}`);
      if (person) {
        const { conversationId: _gone, ...rest } = person;
        await addresses.putPerson({ ...rest, updatedAt: now().toISOString() });
      }
    }
  };

  bot.onMembersAdded(async (context, next) => {
    const botId = context.activity.recipient.id;
    const tenantId = tenantOf(context.activity);
    const teamId = channelData(context.activity).team?.id;
    if (tenantId && (context.activity.membersAdded ?? []).some((m) => m.id === botId)) {
      if (teamId) {
        await rememberTeamAddress(context, tenantId, teamId);
        const channels = await fetchChannels(context, teamId);
        await teams.changeChannels(tenantId, teamId, () => channels);
      } else {
        await rememberPersonAddress(context, addresses, now);
      }
    }
    await next();
  });

  bot.onTeamsChannelCreatedEvent(async (channel, team, context, next) => {
    await onChannelChange(context, team, (channels) => {
      const c = channelOf(channel, team.id ?? '');
      return c ? withChannel(channels, c) : [...channels];
    });
    await next();
  });
  bot.onTeamsChannelRenamedEvent(async (channel, team, context, next) => {
    await onChannelChange(context, team, (channels) => {
      const c = channelOf(channel, team.id ?? '');
      return c ? withChannel(channels, c) : [...channels];
    });
    await next();
  });
  bot.onTeamsChannelDeletedEvent(async (channel, team, context, next) => {
    await onChannelChange(context, team, (channels) => withoutChannel(channels, channel.id ?? ''));
    await next();
  });
  bot.onTeamsTeamRenamedEvent(async (team, context, next) => {
    await onChannelChange(context, team, (channels) => [...channels], team.name);
    await next();
  });

  async function onChannelChange(context: TurnContext, team: TeamInfo, change: (channels: readonly Channel[]) => Channel[], name?: string) {
    const tenantId = tenantOf(context.activity);
    if (!tenantId || !team.id) return;
    // Any event from the team also refreshes its address (the serviceUrl may move).
    await rememberTeamAddress(context, tenantId, team.id);
    await teams.changeChannels(tenantId, team.id, change, name);
  }

  bot.onMembersRemoved(async (context, next) => {
    const botId = context.activity.recipient.id;
    if ((context.activity.membersRemoved ?? []).some((m) => m.id === botId)) await forget(context);
    await next();
  });
  bot.onInstallationUpdateRemove(async (context, next) => {
    await forget(context);
    await next();
  });
  bot.onTeamsTeamDeletedEvent(async (_team, context, next) => {
    await forget(context);
    await next();
  });
}

// Most activities come from people already known with the same address: skip the write then.
// Per address book, so two services in one process (tests) never share what they know.
interface KnownAddress {
  readonly serviceUrl: string;
  readonly botId: string;
  readonly teamsUserId?: string;
  readonly conversationId?: string;
}
const knownByBook = new WeakMap<AddressBook, Map<string, KnownAddress>>();

/** What this instance wrote for each person of this address book. */
function knownOf(addresses: AddressBook): Map<string, KnownAddress> {
  let known = knownByBook.get(addresses);
  if (!known) knownByBook.set(addresses, (known = new Map()));
  // Only a cache: start over rather than grow without end in a large tenant.
  if (known.size > 20_000) known.clear();
  return known;
}

/**
 * Remembers how to reach the sender: their Teams id always, their 1:1 conversation when the
 * activity comes from it. Keyed by (tenant, Entra object id), like everything about a person.
 */
export async function rememberPersonAddress(context: TurnContext, addresses: AddressBook, now: () => Date): Promise<void> {
  const activity = context.activity;
  const tenantId = tenantOf(activity);
  const userId = activity.from?.aadObjectId;
  if (!tenantId || !userId || !activity.serviceUrl || !activity.recipient?.id) return;
  const conversationId = activity.conversation?.conversationType === 'personal' ? activity.conversation.id : undefined;
  const known = knownOf(addresses);
  const cacheKey = `${tenantId}\n${userId}`;
  const cached = known.get(cacheKey);
  if (
    cached &&
    cached.serviceUrl === activity.serviceUrl &&
    cached.botId === activity.recipient.id &&
    cached.teamsUserId === activity.from.id &&
    (conversationId === undefined || cached.conversationId === conversationId)
  ) {
    return;
  }
  const existing = await addresses.getPerson(tenantId, userId);
  const teamsUserId = activity.from.id || existing?.teamsUserId;
  const conversation = conversationId ?? existing?.conversationId;
  const next = {
    tenantId,
    userId,
    serviceUrl: activity.serviceUrl,
    botId: activity.recipient.id,
    ...(teamsUserId ? { teamsUserId } : {}),
    ...(conversation ? { conversationId: conversation } : {}),
    updatedAt: now().toISOString(),
  };
  const changed =
    !existing ||
    existing.serviceUrl !== next.serviceUrl ||
    existing.botId !== next.botId ||
    existing.teamsUserId !== teamsUserId ||
    existing.conversationId !== conversation;
  if (changed) await addresses.putPerson(next);
  known.set(cacheKey, {
    serviceUrl: next.serviceUrl,
    botId: next.botId,
    ...(teamsUserId ? { teamsUserId } : {}),
    ...(conversation ? { conversationId: conversation } : {}),
  });
}

/**
 * `rememberPersonAddress` for an activity outside a 1:1 chat, written after the answer: nothing is
 * read (the write is a merge, so a stored 1:1 conversation id stays), and nothing is queued when this
 * instance already wrote the same address.
 */
export function rememberPersonAddressLater(
  context: TurnContext,
  addresses: AddressBook,
  records: Pick<SenderRecords, 'addressSeen'>,
  now: () => Date,
): void {
  const activity = context.activity;
  const tenantId = tenantOf(activity);
  const userId = activity.from?.aadObjectId;
  if (!tenantId || !userId || !activity.serviceUrl || !activity.recipient?.id) return;
  if (activity.conversation?.conversationType === 'personal') throw new Error('a 1:1 chat address is remembered by rememberPersonAddress');
  const known = knownOf(addresses);
  const cacheKey = `${tenantId}\n${userId}`;
  const cached = known.get(cacheKey);
  const teamsUserId = activity.from.id || cached?.teamsUserId;
  if (cached && cached.serviceUrl === activity.serviceUrl && cached.botId === activity.recipient.id && cached.teamsUserId === teamsUserId) {
    return;
  }
  records.addressSeen({
    tenantId,
    userId,
    serviceUrl: activity.serviceUrl,
    botId: activity.recipient.id,
    ...(activity.from.id ? { teamsUserId: activity.from.id } : {}),
    updatedAt: now().toISOString(),
  });
  known.set(cacheKey, {
    serviceUrl: activity.serviceUrl,
    botId: activity.recipient.id,
    ...(teamsUserId ? { teamsUserId } : {}),
    ...(cached?.conversationId ? { conversationId: cached.conversationId } : {}),
  });
}
