import type { TurnContext } from 'botbuilder';
import { buddyStatusCard, buddyTeamChoiceCard } from '../../cards/buddies/buddy-status-card';
import type { BuddyTeamAction } from '../../cards/buddies/buddy-status-card';
import { t } from '../../cards/shared/i18n';
import type { CardKey } from '../../cards/shared/i18n';
import type { BuddyChange } from '../../domain/buddies/buddy-service-contract';
import { buddyCommandAction } from '../../domain/shared/commands';
import { DEFAULT_TIME_ZONE } from '../../domain/shared/zoned-time';
import type { Locale, PersonRef } from '../../domain/shared/person';
import type { BotFeature, CommandHandler } from '../shared/bot-feature';
import { cardMessage } from '../shared/card-message';
import { failureAnswer } from '../shared/failure-answer';
import { channelData, personOf } from '../shared/identity';
import { userText } from '../../cards/shared/user-text';
import { buddyTeamsOf } from './buddy-teams';
import type { BuddyFeatureServices, BuddyTeam } from './buddy-teams';
import { buddyCardVerbs } from './buddy-verbs';

interface BuddiesFeatureDeps {
  readonly services: BuddyFeatureServices;
}

const isPersonalChat = (context: TurnContext): boolean => context.activity.conversation?.conversationType === 'personal';

const ACTIONS = {
  join: { verb: 'buddyJoin', change: { optIn: true }, done: 'buddies:joined' },
  skip: { verb: 'buddySkip', change: { skipNext: true }, done: 'buddies:skipped' },
  leave: { verb: 'buddyLeave', change: { optIn: false }, done: 'buddies:left' },
} as const satisfies Record<string, { verb: BuddyTeamAction; change: BuddyChange; done: CardKey }>;

/**
 * Learning buddies in the bot (DESIGN F8): `buddy me` / `koppel mij`, `buddy pause` / `buddy pauze`,
 * `buddy stop` / `koppel stop`, and `my buddy` / `mijn buddy`. In a team's conversation the team is the
 * conversation's; in the personal chat it is the person's one team, or a card to choose from. A channel
 * gets a short confirmation only: whom someone is paired with is theirs (the status card goes to the personal chat).
 */
export function buddiesFeature(deps: BuddiesFeatureDeps) {
  const { buddies, teams } = deps.services;

  /** The team a command is about, or undefined once the bot has answered (no person, no team, or a choice card). */
  const teamOf = async (context: TurnContext, person: PersonRef, verb: BuddyTeamAction, locale: Locale): Promise<BuddyTeam | undefined> => {
    const here = channelData(context.activity).team;
    const mine = await buddyTeamsOf(teams, person);
    if (here?.id)
      return mine.find((team) => team.teamId === here.id) ?? { teamId: here.id, name: here.name ?? '', timeZone: DEFAULT_TIME_ZONE };
    if (mine.length === 1) return mine[0];
    await context.sendActivity(mine.length === 0 ? t(locale, 'buddies:noTeams') : cardMessage(buddyTeamChoiceCard(mine, verb, locale)));
    return undefined;
  };

  const sender = (context: TurnContext): PersonRef | undefined => {
    const person = personOf(context.activity);
    return person ? { tenantId: person.tenantId, userId: person.userId } : undefined;
  };

  const buddy: CommandHandler = async (context, command, locale) => {
    const person = sender(context);
    if (!person) return void (await context.sendActivity(t(locale, 'buddies:noPerson')));
    const action = ACTIONS[buddyCommandAction(command)];
    const team = await teamOf(context, person, action.verb, locale);
    if (!team) return;
    const changed = await buddies.update(person, team.teamId, action.change);
    if (!changed.ok) return void (await context.sendActivity(failureAnswer(changed.failure, locale)));
    if (!isPersonalChat(context)) {
      await context.sendActivity(t(locale, action.done, { team: teamName(team, locale) }));
      return;
    }
    await context.sendActivity(
      cardMessage(buddyStatusCard({ status: changed.value, teamName: team.name, timeZone: team.timeZone }, locale)),
    );
  };

  const myBuddy: CommandHandler = async (context, _command, locale) => {
    const person = sender(context);
    if (!person) return void (await context.sendActivity(t(locale, 'buddies:noPerson')));
    const team = await teamOf(context, person, 'buddyStatus', locale);
    if (!team) return;
    const status = await buddies.status(person, team.teamId);
    if (!status.ok) return void (await context.sendActivity(failureAnswer(status.failure, locale)));
    if (!isPersonalChat(context)) {
      const line = t(locale, status.value.optIn ? 'buddies:statusIn' : 'buddies:statusOut');
      await context.sendActivity(`${line} ${t(locale, 'buddies:statusInChannel')}`);
      return;
    }
    await context.sendActivity(
      cardMessage(buddyStatusCard({ status: status.value, teamName: team.name, timeZone: team.timeZone }, locale)),
    );
  };

  return { commands: { buddy, myBuddy }, cardVerbs: buddyCardVerbs(deps.services) } satisfies BotFeature;
}

/** A team's name in a plain chat line (Teams reads bot text as Markdown too). */
const teamName = (team: BuddyTeam, locale: Locale): string => (team.name.trim() ? userText(team.name, 80) : t(locale, 'buddies:aTeam'));
