import type { CardVerb } from '../../domain/shared/card-verbs';
import type { Locale } from '../../domain/shared/person';
import { PROFILE_LIMITS } from '../../domain/experts/profile-limits';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, ExecuteAction } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { clip, userText } from '../shared/user-text';

/** What a button of the card sends back (`chooseSkill`): the "my skills" command to run again, as decided so far. */
export type SkillChoiceData = {
  /** The person the question is for: somebody else pressing it is told so, nothing is changed. */
  readonly forUser: string;
  readonly mode: 'add' | 'replace';
  readonly argument: string;
  readonly newSkills: readonly string[];
};

interface SkillChoiceView<D extends Readonly<Record<string, unknown>>> {
  /** The skill as typed. */
  readonly skill: string;
  /** Each known name the person may have meant, with what its button sends. */
  readonly suggestions: readonly { readonly name: string; readonly data: D }[];
  /** What the button that keeps the skill as new sends. */
  readonly asNew: D;
  /** The buttons' verb: `chooseSkill` (my skills) unless another command asks (a learning request). */
  readonly verb?: CardVerb;
}

/** "Did you mean TypeScript?": one button per close name, and one to add the typed skill as new on purpose. */
export function skillChoiceCard<D extends Readonly<Record<string, unknown>> = SkillChoiceData>(
  view: SkillChoiceView<D>,
  locale: Locale,
): AdaptiveCard {
  const choice = (title: string, data: D, style?: 'positive'): ExecuteAction => ({
    type: 'Action.Execute',
    // An action's title is plain text (no Markdown): clipped, not escaped.
    title: clip(title, 80),
    verb: view.verb ?? 'chooseSkill',
    data: { ...data },
    ...(style ? { style } : {}),
  });
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
