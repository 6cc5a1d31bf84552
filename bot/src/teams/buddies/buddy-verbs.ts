import type { TurnContext } from 'botbuilder';
import { buddyMetCard } from '../../cards/buddies/buddy-met-card';
import { buddyStatusCard } from '../../cards/buddies/buddy-status-card';
import { t } from '../../cards/shared/i18n';
import { ORGANISATION_POOL } from '../../domain/buddies/buddy';
import type { BuddyChange } from '../../domain/buddies/buddy-service-contract';
import type { Locale, PersonRef } from '../../domain/shared/person';
import { toLocale } from '../../domain/shared/person';
import type { InvokeHandler } from '../shared/bot-feature';
import { cardActionOf } from '../shared/bot-feature';
import { failureAnswer } from '../shared/failure-answer';
import { personOf } from '../shared/identity';
import { cardResponse, messageResponse } from '../shared/invoke-responses';
import type { InvokeResponse } from 'botbuilder';
import { BUDDY_VERB_DATA } from './buddy-verb-data';
import type { BuddyVerb } from './buddy-verb-data';
import { buddyTeam, buddyTeamsOf } from './buddy-teams';
import type { BuddyFeatureServices } from './buddy-teams';

type Checked<V extends BuddyVerb> = ReturnType<(typeof BUDDY_VERB_DATA)[V]['parse']>;

/**
 * The buddy cards' buttons, each a thin translation to BuddyService: the person is the invoke's sender
 * (tenant + Entra object id), the card's data only says which pool, round or answer. A refusal is the
 * service's, worded by failure-answer.ts; forged data gets the "card is missing…" line, nothing changes.
 */
export function buddyCardVerbs(services: BuddyFeatureServices): Readonly<Record<BuddyVerb, InvokeHandler>> {
  const { buddies, teams } = services;

  const verb =
    <V extends BuddyVerb>(name: V, act: (person: PersonRef, data: Checked<V>, locale: Locale) => Promise<InvokeResponse>): InvokeHandler =>
    async (context: TurnContext) => {
      const locale = toLocale(context.activity.locale);
      const person = personOf(context.activity);
      if (!person) return messageResponse(t(locale, 'buddies:noPerson'));
      const parsed = BUDDY_VERB_DATA[name].safeParse(cardActionOf(context.activity.value).data);
      if (!parsed.success) return messageResponse(t(locale, 'buddies:badCard'));
      return act({ tenantId: person.tenantId, userId: person.userId }, parsed.data as Checked<V>, locale);
    };

  /** The tenant pool is joined and left through any of the person's teams (the service checks membership there). */
  const teamFor = async (person: PersonRef, poolId: string): Promise<string | undefined> =>
    poolId === ORGANISATION_POOL ? (await buddyTeamsOf(teams, person))[0]?.teamId : poolId;

  const change = async (person: PersonRef, poolId: string, delta: BuddyChange, locale: Locale): Promise<InvokeResponse> => {
    const teamId = await teamFor(person, poolId);
    if (!teamId) return messageResponse(t(locale, 'buddies:noTeams'));
    const changed = await buddies.update(person, teamId, delta);
    if (!changed.ok) return messageResponse(failureAnswer(changed.failure, locale));
    const team = await buddyTeam(teams, person, teamId);
    return cardResponse(buddyStatusCard({ status: changed.value, teamName: team.name, timeZone: team.timeZone }, locale));
  };

  return {
    buddyMet: verb('buddyMet', async (person, data, locale) => {
      const answered = await buddies.answerMet(person, data.poolId, data.roundId, data.answer);
      if (!answered.ok) return messageResponse(failureAnswer(answered.failure, locale));
      return cardResponse(buddyMetCard({ poolId: data.poolId, roundId: data.roundId, buddies: [], answer: answered.value }, locale));
    }),
    buddyJoin: verb('buddyJoin', (person, data, locale) => change(person, data.poolId, { optIn: true }, locale)),
    buddyLeave: verb('buddyLeave', (person, data, locale) => change(person, data.poolId, { optIn: false }, locale)),
    buddySkip: verb('buddySkip', (person, data, locale) => change(person, data.poolId, { skipNext: data.skipNext }, locale)),
    buddyAcross: verb('buddyAcross', (person, data, locale) => change(person, data.poolId, { acrossOrganisation: data.across }, locale)),
    buddyStatus: verb('buddyStatus', async (person, data, locale) => {
      const teamId = await teamFor(person, data.poolId);
      if (!teamId) return messageResponse(t(locale, 'buddies:noTeams'));
      const status = await buddies.status(person, teamId);
      if (!status.ok) return messageResponse(failureAnswer(status.failure, locale));
      const team = await buddyTeam(teams, person, teamId);
      return cardResponse(buddyStatusCard({ status: status.value, teamName: team.name, timeZone: team.timeZone }, locale));
    }),
  };
}
