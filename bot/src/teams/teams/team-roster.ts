import { TeamsInfo } from 'botbuilder';
import type { ChannelAccount, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { RosterEntry } from '../../domain/teams/team-roster';
import type { TeamService } from '../../domain/teams/team-service';
import type { Logger } from '../../domain/shared/logger';
import { channelData, tenantOf } from '../shared/identity';

/** The part of botbuilder's ConnectorClient the roster read needs (structural, as in bot-connector.ts). */
interface RosterClient {
  readonly conversations: {
    getConversationPagedMembers(
      conversationId: string,
      options: { pageSize: number; continuationToken?: string },
    ): Promise<{ readonly continuationToken?: string; readonly members?: readonly ChannelAccount[] }>;
  };
}

interface TeamRosterDependencies {
  readonly teams: Pick<TeamService, 'syncRoster' | 'membersJoined' | 'membersLeft' | 'recordUninstall'>;
  readonly log: Logger;
  /** Told of work that outlives the turn (the roster read on install), so a caller can wait for it. */
  readonly background?: (task: Promise<void>) => void;
}

// Teams' roster pages hold at most 500 people.
const PAGE_SIZE = 500;

/**
 * Keeps PeerLearn's copy of each team's members current: the whole roster when the app is added to a
 * team, then one person at a time as people join or leave. Membership decides who may post tips and
 * learning requests, who the planning form offers as teacher or discussion leader, and who the fair
 * rotation considers. A roster that cannot be read never blocks the welcome; the next install or
 * join event repairs it.
 */
export function registerTeamRoster(bot: TeamsActivityHandler, deps: TeamRosterDependencies): void {
  const { teams, log } = deps;

  // Through the turn's connector client, not the TurnContext: the read outlives the turn (see below).
  const readRoster = async (client: RosterClient, teamId: string): Promise<RosterEntry[]> => {
    const people: RosterEntry[] = [];
    let token: string | undefined;
    do {
      const options: { pageSize: number; continuationToken?: string } = { pageSize: PAGE_SIZE };
      if (token) options.continuationToken = token;
      const page = await client.conversations.getConversationPagedMembers(teamId, options);
      for (const m of page.members ?? []) if (m.aadObjectId) people.push({ userId: m.aadObjectId, displayName: m.name ?? '' });
      token = page.continuationToken || undefined;
    } while (token);
    return people;
  };

  const syncWholeRoster = async (client: RosterClient, tenantId: string, teamId: string, installerId: string | undefined) => {
    const sync = await teams.syncRoster(tenantId, teamId, () => readRoster(client, teamId), installerId);
    const owners = sync.owners === 'graph' ? 'owners from Microsoft Graph' : 'owners by the installer rule';
    log.info(`team ${teamId}: roster of ${sync.read} read; ${sync.written} memberships written, ${sync.removed} removed; ${owners}`);
  };

  const addPeople = async (context: TurnContext, tenantId: string, teamId: string, added: readonly ChannelAccount[]) => {
    const people: RosterEntry[] = [];
    for (const account of added) {
      // Join events carry ids only; the roster has the name (and the object id when the event lacks it).
      const member = await TeamsInfo.getTeamMember(context, teamId, account.id).catch(() => undefined);
      const userId = account.aadObjectId ?? member?.aadObjectId;
      if (userId) people.push({ userId, displayName: member?.name ?? account.name ?? '' });
    }
    await teams.membersJoined(tenantId, teamId, people);
  };

  bot.onMembersAdded(async (context, next) => {
    const tenantId = tenantOf(context.activity);
    const teamId = channelData(context.activity).team?.id;
    const added = context.activity.membersAdded ?? [];
    if (tenantId && teamId) {
      const botAdded = added.some((m) => m.id === context.activity.recipient.id);
      if (botAdded) {
        // A large team's roster (Teams allows 25,000 people) takes longer to read and store than Teams
        // waits for the install event, and a slow answer makes Teams send it again (a second welcome).
        // So the turn ends at once and the roster is read on; if the process stops half-way, the next
        // join event or reinstall repairs it (every write is idempotent).
        const client = context.turnState.get<RosterClient>(context.adapter.ConnectorClientKey);
        const installerId = context.activity.from?.aadObjectId;
        const task = syncWholeRoster(client, tenantId, teamId, installerId).catch((error: unknown) => {
          log.error(`could not read the roster of team ${teamId}`, error);
        });
        deps.background?.(task);
      } else {
        try {
          await addPeople(context, tenantId, teamId, added);
        } catch (error) {
          log.error(`could not add the new members of team ${teamId}`, error);
        }
      }
    }
    await next();
  });

  /**
   * The app left the team (removed, or the team deleted): its memberships go, in the background like
   * the install's roster read (25,000 people take longer than Teams waits). Teams sends two events for
   * one removal (installationUpdate and conversationUpdate); both run, and the second finds little left.
   */
  const uninstalled = (context: TurnContext, teamId: string | undefined) => {
    const tenantId = tenantOf(context.activity);
    if (!tenantId || !teamId) return;
    const task = teams
      .recordUninstall(tenantId, teamId)
      .then((removed) => log.info(`team ${teamId}: the app was removed; ${removed} memberships removed`))
      .catch((error: unknown) =>
        log.error(`could not remove the memberships of team ${teamId}; the next removal event or a reinstall repairs it`, error),
      );
    deps.background?.(task);
  };

  bot.onInstallationUpdateRemove(async (context, next) => {
    uninstalled(context, channelData(context.activity).team?.id);
    await next();
  });

  bot.onTeamsTeamDeletedEvent(async (team, context, next) => {
    uninstalled(context, team.id);
    await next();
  });

  bot.onMembersRemoved(async (context, next) => {
    const tenantId = tenantOf(context.activity);
    const teamId = channelData(context.activity).team?.id;
    const botId = context.activity.recipient.id;
    const removed = context.activity.membersRemoved ?? [];
    if (removed.some((m) => m.id === botId)) {
      uninstalled(context, teamId);
      await next();
      return;
    }
    const gone = removed.flatMap((m) => (m.aadObjectId ? [m.aadObjectId] : []));
    if (tenantId && teamId && gone.length > 0) {
      try {
        await teams.membersLeft(tenantId, teamId, gone);
      } catch (error) {
        log.error(`could not remove members from team ${teamId}`, error);
      }
    }
    await next();
  });
}
