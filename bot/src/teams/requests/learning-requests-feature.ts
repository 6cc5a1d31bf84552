import { LEARNING_REQUEST_VERBS, learningRequestCard } from '../../cards/requests/learning-request-card';
import { t } from '../../cards/shared/i18n';
import { toLocale } from '../../domain/shared/person';
import { requestAlertsWanted } from '../../domain/shared/commands';
import type { Locale, PersonRef } from '../../domain/shared/person';
import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { RequestItem } from '../../domain/requests/learning-request-service';
import type { Services } from '../../domain/shared/services';
import { z } from 'zod';
import { cardActionOf } from '../shared/bot-feature';
import { failureAnswer } from '../shared/failure-answer';
import type { BotFeature, CommandHandler, InvokeHandler } from '../shared/bot-feature';
import { cardMessage } from '../shared/card-message';
import { ASK_TO_LEARN_DATA, admitRequestSkill, askToLearn } from './ask-to-learn';
import { channelData, personOf } from '../shared/identity';
import { cardResponse, errorResponse, messageResponse } from '../shared/invoke-responses';

interface LearningRequestsFeatureDeps {
  readonly services: Pick<Services, 'learningRequests' | 'profiles' | 'sessions' | 'skills'>;
}

/**
 * "I want to learn X" / "ik wil X leren" in a team channel (DESIGN F7): a learning request for the
 * channel's team, answered with a small card. Asking for a skill the team already asked for adds a +1.
 */
export function learningRequestsFeature(deps: LearningRequestsFeatureDeps) {
  const requests = deps.services.learningRequests;

  const wantToLearn: CommandHandler = async (context, command, locale) => {
    const person = personOf(context.activity);
    const teamId = channelData(context.activity).team?.id;
    // A request belongs to a team: in a personal chat there is no team to ask.
    if (!person || !teamId) {
      await context.sendActivity(t(locale, 'requests:cardNoTeam'));
      return;
    }
    // "Typscript" is asked about first, as the tab's and the API's requests are; nothing is stored until the person chose.
    const admitted =
      command.argument.trim() === '' ? undefined : await admitRequestSkill(deps.services, person, teamId, command.argument, false, locale);
    if (admitted && 'card' in admitted) {
      await context.sendActivity(cardMessage(admitted.card));
      return;
    }
    const asked = await requests.ask(person, teamId, { skill: admitted?.skill ?? command.argument });
    if (!asked.ok) {
      await context.sendActivity(failureAnswer(asked.failure, locale));
      return;
    }
    await admitted?.commit();
    const { item } = asked.value;
    const card = learningRequestCard(
      {
        request: item.request,
        authorName: item.author.displayName || person.displayName,
        created: asked.value.outcome === 'created',
        experts: item.experts.map((e) => e.displayName).filter((n) => n !== ''),
      },
      locale,
    );
    await context.sendActivity(cardMessage(card));
  };

  /** "request alerts off" / "meldingen uit" (and on): the person's own setting, from any chat; their profile form has the same toggle. */
  const requestAlerts: CommandHandler = async (context, command, locale) => {
    const person = personOf(context.activity);
    if (!person) {
      await context.sendActivity(t(locale, 'sessions:failure_noIdentity'));
      return;
    }
    const on = requestAlertsWanted(command);
    await deps.services.profiles.sighted(person);
    await deps.services.profiles.edit(person.tenantId, person.userId, (current, now) =>
      current.requestAlerts === on ? current : { ...current, requestAlerts: on, updatedAt: now.toISOString() },
    );
    await context.sendActivity(t(locale, on ? 'requests:alertsOn' : 'requests:alertsOff'));
  };

  /**
   * What a request card's button carries, checked the same for every verb: the person is the sender,
   * the team the conversation's; only the request id comes from the card. Otherwise the answer to send.
   */
  const cardRequestOf = (
    context: TurnContext,
  ): { locale: Locale; person: PersonRef; teamId: string; requestId: string } | { answer: InvokeResponse } => {
    const locale = toLocale(context.activity.locale);
    const person = personOf(context.activity);
    const teamId = channelData(context.activity).team?.id;
    if (!person || !teamId) return { answer: messageResponse(t(locale, 'requests:cardNoTeam')) };
    const parsed = VOTE_DATA.safeParse(cardActionOf(context.activity.value).data);
    if (!parsed.success) return { answer: errorResponse(400, 'BadRequest', 'No learning request on this card.') };
    return { locale, person, teamId, requestId: parsed.data.requestId };
  };

  /** +1 from the card in the channel. */
  const voteRequest: InvokeHandler = async (context) => {
    const pressed = cardRequestOf(context);
    if ('answer' in pressed) return pressed.answer;
    const { locale, person, teamId, requestId } = pressed;
    const already = await requests.hasVoted(person, teamId, requestId);
    const voted = await requests.vote(person, teamId, requestId, true);
    if (!voted.ok) return messageResponse(failureAnswer(voted.failure, locale));
    if (already) return messageResponse(t(locale, 'requests:cardAlreadyVoted'));
    return cardResponse(cardOf(voted.value, locale));
  };

  /**
   * "Hand it back" from the card: whoever took or planned the request (or a team owner) returns it to
   * open; the domain refuses anyone else. The answer is the card as it stands now, open again.
   */
  const handBackRequest: InvokeHandler = async (context) => {
    const pressed = cardRequestOf(context);
    if ('answer' in pressed) return pressed.answer;
    const handed = await requests.handBack(pressed.person, pressed.teamId, pressed.requestId);
    if (!handed.ok) return messageResponse(failureAnswer(handed.failure, pressed.locale));
    return cardResponse(cardOf(handed.value, pressed.locale));
  };

  /** "Ask to learn this" on the empty "who knows X" card: a request for X in the team, or a +1 on the open one. */
  const askToLearnVerb: InvokeHandler = async (context) => {
    const locale = toLocale(context.activity.locale);
    const parsed = ASK_TO_LEARN_DATA.safeParse(cardActionOf(context.activity.value).data);
    if (!parsed.success) return errorResponse(400, 'BadRequest', 'No skill on this card.');
    return cardResponse(await askToLearn(context, deps.services, parsed.data.skill, locale, parsed.data.asNew === true));
  };

  return {
    commands: { wantToLearn, requestAlerts },
    cardVerbs: {
      [LEARNING_REQUEST_VERBS.vote]: voteRequest,
      [LEARNING_REQUEST_VERBS.handBack]: handBackRequest,
      [LEARNING_REQUEST_VERBS.ask]: askToLearnVerb,
    },
  } satisfies BotFeature;
}

/** The request's card as it stands, for everyone in the channel (no per-person state on it). */
function cardOf(item: RequestItem, locale: Locale) {
  return learningRequestCard(
    {
      request: item.request,
      authorName: item.author.displayName,
      created: true,
      experts: item.experts.map((e) => e.displayName).filter((n) => n !== ''),
      ...(item.takenBy ? { takerName: item.takenBy.displayName } : {}),
    },
    locale,
  );
}

/** The vote and hand-back buttons' data: only the request id, checked before it reaches storage. */
const VOTE_DATA = z.object({ requestId: z.string().regex(/^[A-Za-z0-9._:@-]{1,200}$/) });
