import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { skillChoiceCard } from '../../cards/experts/skill-choice-card';
import type { SkillChoiceData } from '../../cards/experts/skill-choice-card';
import type { AdaptiveCard } from '../../cards/shared/adaptive-card';
import { t } from '../../cards/shared/i18n';
import { userText } from '../../cards/shared/user-text';
import type { Locale } from '../../domain/shared/person';
import { toLocale } from '../../domain/shared/person';
import type { ExpertDirectory } from '../../domain/experts/expert-directory';
import { chooseInArgument, firstUnknownSkill } from '../../domain/experts/my-skills-check';
import { parseMySkills } from '../../domain/experts/profile-editing';
import type { MySkillsMode } from '../../domain/experts/profile-editing';
import { PROFILE_LIMITS } from '../../domain/experts/profile-limits';
import type { ProfileService } from '../../domain/experts/profile-service';
import type { CommandHandler, InvokeHandler } from '../shared/bot-feature';
import { cardActionOf } from '../shared/bot-feature';
import { cardMessage } from '../shared/card-message';
import { personOf } from '../shared/identity';
import { cardResponse, messageResponse } from '../shared/invoke-responses';
import { profileCardOf } from './profile-card-verbs';

interface MySkillsDependencies {
  readonly experts: ExpertDirectory;
  readonly profiles: ProfileService;
}

/** What "my skills" answers: a sentence (a problem), or a card (the did-you-mean question, or the saved profile). */
type Answer = { readonly text: string } | { readonly card: AdaptiveCard };

/** The `chooseSkill` button's data as the card built it; anything else (forged, too long) is refused. */
const choiceData = z.object({
  forUser: z.string().max(200),
  mode: z.enum(['add', 'replace']),
  argument: z.string().max(PROFILE_LIMITS.skills * (PROFILE_LIMITS.skillChars + 8)),
  newSkills: z.array(z.string().max(PROFILE_LIMITS.skillChars)).max(PROFILE_LIMITS.skills),
});

/**
 * `my skills: …` / `my skills only: …`, and the `chooseSkill` verb of its did-you-mean card. A skill
 * the taxonomy does not know is stored only after the person chose: a known name instead, or "add as new".
 */
export function mySkillsHandlers(deps: MySkillsDependencies) {
  const run = async (tenantId: string, userId: string, locale: Locale, pending: Omit<SkillChoiceData, 'forUser'>): Promise<Answer> => {
    const { argument, mode, newSkills } = pending;
    const taxonomy = await deps.experts.taxonomy(tenantId);
    const current = await deps.profiles.get(tenantId, userId);
    const parsed = parseMySkills(argument, current?.teaches ?? [], taxonomy, mode);
    if (!parsed.ok) {
      if (parsed.reason === 'level')
        return { text: t(locale, 'experts:mySkillsLevel', { skill: userText(parsed.skill, 40), level: parsed.level }) };
      const key =
        parsed.reason === 'empty'
          ? 'experts:mySkillsEmpty'
          : parsed.reason === 'tooMany'
            ? 'experts:mySkillsTooMany'
            : 'experts:mySkillsNothingUsable';
      return { text: t(locale, key, { max: PROFILE_LIMITS.skills }) };
    }
    const unknown = firstUnknownSkill(argument, current?.teaches ?? [], taxonomy, newSkills);
    if (unknown) {
      const data = (changed: Partial<SkillChoiceData>): SkillChoiceData => ({ forUser: userId, mode, argument, newSkills, ...changed });
      const view = {
        skill: unknown.skill,
        suggestions: unknown.suggestions.map((name) => ({
          name,
          data: data({ argument: chooseInArgument(argument, unknown.skill, name) }),
        })),
        asNew: data({ argument: chooseInArgument(argument, unknown.skill, unknown.skill), newSkills: [...newSkills, unknown.skill] }),
      };
      return { card: skillChoiceCard(view, locale) };
    }
    // The list is computed again inside the edit, so a concurrent change to the profile is not overwritten.
    await deps.profiles.edit(tenantId, userId, (profile, now) => {
      const again = parseMySkills(argument, profile.teaches, taxonomy, mode);
      return { ...profile, teaches: again.ok ? again.teaches : parsed.teaches, updatedAt: now.toISOString() };
    });
    return { card: await profileCardOf(deps, tenantId, userId, locale, { normalised: parsed.normalised }) };
  };

  const editSkills =
    (mode: MySkillsMode): CommandHandler =>
    async (context, command, locale) => {
      const person = personOf(context.activity);
      if (!person) return void (await context.sendActivity(t(locale, 'experts:noTenant')));
      // "my skills" alone shows the profile card.
      const answer =
        command.argument.trim() === ''
          ? { card: await profileCardOf(deps, person.tenantId, person.userId, locale) }
          : await run(person.tenantId, person.userId, locale, { argument: command.argument, mode, newSkills: [] });
      await context.sendActivity('text' in answer ? answer.text : cardMessage(answer.card));
    };

  const chooseSkill: InvokeHandler = async (context: TurnContext) => {
    const locale = toLocale(context.activity.locale);
    const person = personOf(context.activity);
    if (!person) return messageResponse(t(locale, 'experts:noTenant'));
    const data = choiceData.safeParse(cardActionOf(context.activity.value).data);
    // The person edited is always the sender; a question meant for someone else changes nothing.
    if (!data.success || data.data.forUser !== person.userId) return messageResponse(t(locale, 'experts:choiceNotYours'));
    const answer = await run(person.tenantId, person.userId, locale, data.data);
    return 'text' in answer ? messageResponse(answer.text) : cardResponse(answer.card);
  };

  return {
    commands: { mySkills: editSkills('add'), mySkillsOnly: editSkills('replace') },
    cardVerbs: { chooseSkill },
  };
}
