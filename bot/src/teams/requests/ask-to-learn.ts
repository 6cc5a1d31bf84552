import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { skillChoiceCard } from '../../cards/experts/skill-choice-card';
import { LEARNING_REQUEST_VERBS, learningRequestCard } from '../../cards/requests/learning-request-card';
import { adaptiveCard } from '../../cards/shared/adaptive-card';
import type { AdaptiveCard } from '../../cards/shared/adaptive-card';
import { t } from '../../cards/shared/i18n';
import { skillText } from '../../cards/shared/skill-text';
import { REQUEST_SKILL_MAX } from '../../domain/requests/learning-request';
import type { Locale, PersonRef } from '../../domain/shared/person';
import type { Services } from '../../domain/shared/services';
import { failureAnswer } from '../shared/failure-answer';
import { channelData, personOf } from '../shared/identity';

type AskServices = Pick<Services, 'learningRequests' | 'sessions' | 'skills'>;

/**
 * The skill an "Ask to learn this" button or pick carries, and whether the person chose to keep it as
 * a new skill (the did-you-mean card's last button); bounded before any service sees it.
 */
export const ASK_TO_LEARN_DATA = z.object({
  skill: z.string().trim().min(1).max(REQUEST_SKILL_MAX),
  asNew: z.boolean().optional(),
});

/**
 * Whether the person already chose to keep the skill as new: yes (the card's "add as new"), no (ask
 * when unknown), or "unless close": the messaging extension's pick names the skill exactly, so only a
 * likely typo is asked about (the question would otherwise land in the compose box for nothing).
 */
type NewSkillChoice = boolean | 'unlessClose';

/**
 * The skill through the team's taxonomy, as the API's requests go: known (in its own spelling), or
 * kept as new on purpose; otherwise the "did you mean …?" card whose buttons ask again.
 */
export async function admitRequestSkill(
  services: Pick<Services, 'skills'>,
  person: PersonRef,
  teamId: string,
  skill: string,
  asNew: NewSkillChoice,
  locale: Locale,
): Promise<{ readonly skill: string; commit(): Promise<void> } | { readonly card: AdaptiveCard }> {
  const admit = (confirmed: boolean) => services.skills.admit(person, teamId, { skill: [skill] }, confirmed ? { newSkills: [skill] } : {});
  let admitted = await admit(asNew === true);
  const suggestions = admitted.ok ? [] : (admitted.unknown[0]?.suggestions ?? []);
  if (!admitted.ok && asNew === 'unlessClose' && suggestions.length === 0) admitted = await admit(true);
  if (admitted.ok) return { skill: admitted.fields['skill']?.[0] ?? skill, commit: admitted.commit };
  const card = skillChoiceCard<{ readonly skill: string; readonly asNew?: boolean }>(
    {
      verb: LEARNING_REQUEST_VERBS.ask,
      skill,
      suggestions: suggestions.map((name) => ({ name, data: { skill: name } })),
      asNew: { skill, asNew: true },
    },
    locale,
  );
  return { card };
}

/** A short note above a card (what just happened, or why not). */
function noticeCard(text: string, tone: 'good' | 'attention', card?: AdaptiveCard): AdaptiveCard {
  const notice = { type: 'TextBlock' as const, text, wrap: true, weight: 'bolder' as const, color: tone };
  return card ? { ...card, body: [notice, ...card.body] } : adaptiveCard([notice]);
}

/**
 * "Ask to learn this" after an empty expert search (the bot's "who knows X" card, the findExpert
 * messaging extension): a learning request for the skill in the person's team, or their +1 on the
 * open one. The team is the conversation's, else the person's only team; the domain checks that they
 * are a member. The answer says which happened and shows the request.
 */
export async function askToLearn(
  context: TurnContext,
  services: AskServices,
  typed: string,
  locale: Locale,
  asNew: NewSkillChoice = false,
): Promise<AdaptiveCard> {
  const person = personOf(context.activity);
  if (!person) return noticeCard(t(locale, 'sessions:failure_noIdentity'), 'attention');
  let teamId = channelData(context.activity).team?.id;
  if (!teamId) {
    const teams = await services.sessions.teamsOf(person.tenantId, person.userId);
    if (teams.length !== 1) return noticeCard(t(locale, teams.length === 0 ? 'requests:cardNoTeam' : 'requests:askWhichTeam'), 'attention');
    teamId = teams[0];
  }
  if (!teamId) return noticeCard(t(locale, 'requests:cardNoTeam'), 'attention');
  const admitted = await admitRequestSkill(services, person, teamId, typed, asNew, locale);
  if ('card' in admitted) return admitted.card;
  const asked = await services.learningRequests.ask(person, teamId, { skill: admitted.skill });
  if (!asked.ok) return noticeCard(failureAnswer(asked.failure, locale), 'attention');
  await admitted.commit();
  const { outcome, item } = asked.value;
  const card = learningRequestCard(
    {
      request: item.request,
      authorName: item.author.displayName,
      created: true,
      experts: item.experts.map((e) => e.displayName).filter((n) => n !== ''),
    },
    locale,
  );
  const key = outcome === 'created' ? 'requests:askCreated' : outcome === 'voted' ? 'requests:askVoted' : 'requests:askAlreadyVoted';
  return noticeCard(t(locale, key, { skill: skillText(item.request.skill, locale) }), 'good', card);
}
