import type { Locale } from '../../domain/shared/person';
import { TIP_BODY_MAX, TIP_SKILLS_MAX, TIP_TITLE_MAX } from '../../domain/tips/tip';
import type { TipField, TipProblem, TipProblemCode } from '../../domain/tips/tip';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardElement, TextBlock } from '../shared/adaptive-card';
import { clip } from '../shared/user-text';
import { t } from '../shared/i18n';
import { skillQuestionElements } from '../shared/skill-questions';
import type { UnknownSkill } from '../../domain/experts/skill-check';

/** The `verb` in the form's submit data: the dialog's answer says which form it came from. */
export const SHARE_TIP_VERB = 'shareTip';

interface TipFormOptions {
  /** What was typed, shown again with the problems next to their fields. */
  readonly values?: Readonly<Partial<Record<TipField, string>>>;
  readonly problems?: readonly TipProblem[];
  /** Skills the team's taxonomy did not know: "did you mean…?" under the field, and a choice to add each as new. */
  readonly unknownSkills?: readonly UnknownSkill[];
}

function problemBlocks(field: TipField, problems: readonly TipProblem[], locale: Locale): TextBlock[] {
  return problems
    .filter((p) => p.field === field)
    .map((p) => ({
      type: 'TextBlock',
      text: tipProblemText(locale, p.code),
      color: 'attention',
      size: 'small',
      wrap: true,
      spacing: 'none',
    }));
}

/** The `shareTip` dialog: title, tip, link and skills; after a refused save, the same form with what was typed. */
export function tipFormCard(options: TipFormOptions, locale: Locale): AdaptiveCard {
  const v = options.values ?? {};
  const problems = options.problems ?? [];
  const p = (field: TipField) => problemBlocks(field, problems, locale);
  // Typed text comes back as it was (also when too long, so it can be shortened), within a size that keeps the card small.
  const value = (field: TipField, max: number) => (v[field] ? { value: clip(v[field] ?? '', max) } : {});
  const body: CardElement[] = [
    heading(t(locale, 'tips:formTitle')),
    paragraph(t(locale, 'tips:formIntro'), true),
    ...(problems.length > 0
      ? [
          {
            type: 'TextBlock' as const,
            text: t(locale, 'tips:formProblems'),
            color: 'attention' as const,
            weight: 'bolder' as const,
            wrap: true,
          },
        ]
      : []),
    {
      type: 'Input.Text',
      id: 'title',
      label: t(locale, 'tips:fieldTitle'),
      placeholder: t(locale, 'tips:fieldTitlePlaceholder'),
      isRequired: true,
      errorMessage: tipProblemText(locale, 'titleRequired'),
      ...value('title', TIP_TITLE_MAX * 2),
    },
    ...p('title'),
    {
      type: 'Input.Text',
      id: 'body',
      label: t(locale, 'tips:fieldBody'),
      placeholder: t(locale, 'tips:fieldBodyPlaceholder'),
      isMultiline: true,
      ...value('body', TIP_BODY_MAX * 2),
    },
    ...p('body'),
    { type: 'Input.Text', id: 'link', label: t(locale, 'tips:fieldLink'), placeholder: 'https://', ...value('link', 1200) },
    ...p('link'),
    {
      type: 'Input.Text',
      id: 'skills',
      label: t(locale, 'tips:fieldSkills', { max: TIP_SKILLS_MAX }),
      placeholder: t(locale, 'tips:fieldSkillsPlaceholder'),
      ...value('skills', 800),
    },
    ...p('skills'),
    ...skillQuestionElements(options.unknownSkills ?? [], locale),
  ];
  return adaptiveCard(body, [
    { type: 'Action.Submit', title: t(locale, 'tips:submit'), data: { verb: SHARE_TIP_VERB }, style: 'positive' },
  ]);
}

/** A short message in the dialog (no team here, team unknown…). */
export function tipNoticeCard(text: string): AdaptiveCard {
  return adaptiveCard([{ type: 'TextBlock', text, wrap: true }]);
}

/** A validation problem as a sentence, with its limit filled in. */
export function tipProblemText(locale: Locale, code: TipProblemCode): string {
  const max = code === 'titleTooLong' ? TIP_TITLE_MAX : code === 'bodyTooLong' ? TIP_BODY_MAX : TIP_SKILLS_MAX;
  return t(locale, `tips:problem_${code}`, { max });
}
