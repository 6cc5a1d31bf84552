import type { UnknownSkill } from '../../domain/experts/skill-check';
import type { Locale } from '../../domain/shared/person';
import type { CardElement } from './adaptive-card';
import { t } from './i18n';
import { skillsText } from './skill-text';
import { clip, userText } from './user-text';

/** The input a form's "add as a new skill" choices send: the skills confirmed as new, comma-separated. */
export const NEW_SKILLS_INPUT = 'newSkills';

/**
 * "Did you mean Docker?" under a form's skills field (a task module or a card form): per unknown skill
 * what PeerLearn knows that is close, and a choice to add it to the team's skills on purpose, sent with
 * the next submit. Nothing is stored until the person submits again.
 */
export function skillQuestionElements(unknown: readonly UnknownSkill[], locale: Locale): CardElement[] {
  if (unknown.length === 0) return [];
  const questions: CardElement[] = unknown.map((u) => ({
    type: 'TextBlock',
    text:
      u.suggestions.length > 0
        ? t(locale, 'experts:didYouMeanNames', { skill: userText(u.skill, 60), names: skillsText(u.suggestions, locale) })
        : t(locale, 'experts:unknownSkillForm', { skill: userText(u.skill, 60) }),
    color: 'attention',
    size: 'small',
    wrap: true,
    spacing: 'none',
  }));
  return [
    ...questions,
    {
      type: 'Input.ChoiceSet',
      id: NEW_SKILLS_INPUT,
      label: t(locale, 'experts:didYouMeanTitle'),
      style: 'expanded',
      isMultiSelect: true,
      choices: unknown.map((u) => ({ title: t(locale, 'experts:addAsNew', { skill: clip(u.skill, 60) }), value: clip(u.skill, 60) })),
    },
  ];
}
