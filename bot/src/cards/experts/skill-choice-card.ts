import type { Locale } from '../../domain/shared/person';
import { PROFILE_LIMITS } from '../../domain/experts/profile-limits';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, ExecuteAction } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { clip, userText } from '../shared/user-text';

/** What a button of the card sends back (`chooseSkill`): the "my skills" command to run again, as decided so far. */
export interface SkillChoiceData {
  /** The person the question is for: somebody else pressing it is told so, nothing is changed. */
  readonly forUser: string;
  readonly mode: 'add' | 'replace';
  readonly argument: string;
  readonly newSkills: readonly string[];
}

interface SkillChoiceView {
  /** The skill as typed. */
  readonly skill: string;
  /** Each known name the person may have meant, with the command that uses it. */
  readonly suggestions: readonly { readonly name: string; readonly data: SkillChoiceData }[];
  /** The command with the skill confirmed as new. */
  readonly asNew: SkillChoiceData;
}

const choice = (title: string, data: SkillChoiceData, style?: 'positive'): ExecuteAction => ({
  type: 'Action.Execute',
  // An action's title is plain text (no Markdown): clipped, not escaped.
  title: clip(title, 80),
  verb: 'chooseSkill',
  data: { ...data },
  ...(style ? { style } : {}),
});

/** "Did you mean TypeScript?": one button per close name, and one to add the typed skill as new on purpose. */
export function skillChoiceCard(view: SkillChoiceView, locale: Locale): AdaptiveCard {
  const skill = userText(view.skill, PROFILE_LIMITS.skillChars);
  const text = view.suggestions.length > 0 ? t(locale, 'experts:didYouMean', { skill }) : t(locale, 'experts:unknownSkill', { skill });
  return adaptiveCard(
    [heading(t(locale, 'experts:didYouMeanTitle')), paragraph(text)],
    [
      ...view.suggestions.map((s, i) => choice(s.name, s.data, i === 0 ? 'positive' : undefined)),
      choice(t(locale, 'experts:addAsNew', { skill: clip(view.skill, PROFILE_LIMITS.skillChars) }), view.asNew),
    ],
  );
}
