import type { Locale } from '../../domain/shared/person';
import type { SkillLevel } from '../../domain/experts/member';
import type { Renamed } from '../../domain/experts/profile-editing';
import { PROFILE_LIMITS } from '../../domain/experts/profile-editing';
import { PROFILE_SWITCHES, shownKey } from '../../domain/experts/profile-form';
import type { ProfileFormField, ProfileFormProblem, ProfileFormValues, ProfileSwitch } from '../../domain/experts/profile-form';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardElement, ExecuteAction, TextBlock } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import type { CardKey } from '../shared/i18n';
import { userText } from '../shared/user-text';
import { skillDisplayName } from '../../domain/experts/skill-names-nl';
import { skillQuestionElements } from '../shared/skill-questions';
import type { UnknownSkill } from '../../domain/experts/skill-check';

/** The verbs of the profile card's Universal Actions; the experts feature answers them. */
export const PROFILE_VERBS = { edit: 'editProfile', save: 'saveProfile', view: 'viewProfile' } as const;

export interface ProfileCardView {
  readonly displayName: string;
  readonly teaches: readonly { readonly name: string; readonly level: SkillLevel; readonly endorsements: number }[];
  readonly wants: readonly string[];
  readonly bio: string;
  readonly languages: readonly string[];
  readonly availability: string;
  /** Whether milestone cards about the person are posted (issue #12). */
  readonly celebrateMilestones: boolean;
  /** Whether the person hears of new learning requests for a skill they teach (issue #12). */
  readonly requestAlerts: boolean;
}

/** A typed entry shown back in a problem: short, so a pasted page cannot blow up the card. */
const quote = (line: string) => userText(line, 40);

const levelText = (locale: Locale, level: SkillLevel) => t(locale, 'profile:levelShown', { n: level });

const editProfileAction = (locale: Locale): ExecuteAction => ({
  type: 'Action.Execute',
  title: t(locale, 'profile:edit'),
  verb: PROFILE_VERBS.edit,
});

/**
 * The person's own profile: skills with levels, wants, bio, languages, availability and an Edit
 * action that answers the form in place. After a save it says so and shows the tidied spellings.
 */
export function profileCard(view: ProfileCardView, locale: Locale, saved?: { readonly normalised: readonly Renamed[] }): AdaptiveCard {
  const body: CardElement[] = [heading(t(locale, 'profile:title'))];
  if (saved) {
    body.push({ type: 'TextBlock', text: t(locale, 'profile:saved'), wrap: true, color: 'good', weight: 'bolder' });
    if (saved.normalised.length > 0) {
      body.push(paragraph(t(locale, 'profile:normalisedHeading'), true));
      body.push({
        type: 'FactSet',
        facts: saved.normalised
          .slice(0, PROFILE_LIMITS.skills)
          .map((n) => ({ title: quote(n.from), value: `→ ${userText(n.to, PROFILE_LIMITS.skillChars)}` })),
      });
    }
  }
  const none = t(locale, 'profile:nothingYet');
  const teaches = view.teaches.map(
    (s) =>
      `${userText(skillDisplayName(s.name, locale), PROFILE_LIMITS.skillChars)} (${levelText(locale, s.level)}${s.endorsements > 0 ? `, ${t(locale, 'profile:endorsed', { n: s.endorsements })}` : ''})`,
  );
  body.push({
    type: 'FactSet',
    facts: [
      { title: t(locale, 'profile:teaches'), value: teaches.length > 0 ? teaches.join('\n') : none },
      {
        title: t(locale, 'profile:wants'),
        value:
          view.wants.length > 0 ? view.wants.map((w) => userText(skillDisplayName(w, locale), PROFILE_LIMITS.skillChars)).join(', ') : none,
      },
      { title: t(locale, 'profile:bio'), value: view.bio ? userText(view.bio, PROFILE_LIMITS.bioChars) : none },
      {
        title: t(locale, 'profile:languages'),
        value: view.languages.length > 0 ? view.languages.map((l) => userText(l, PROFILE_LIMITS.languageChars)).join(', ') : none,
      },
      {
        title: t(locale, 'profile:availability'),
        value: view.availability ? userText(view.availability, PROFILE_LIMITS.availabilityChars) : none,
      },
      {
        title: t(locale, 'profile:milestones'),
        value: t(locale, view.celebrateMilestones ? 'profile:milestonesOn' : 'profile:milestonesOff'),
      },
      {
        title: t(locale, 'profile:requestAlerts'),
        value: t(locale, view.requestAlerts ? 'profile:requestAlertsOn' : 'profile:requestAlertsOff'),
      },
    ],
  });
  body.push(paragraph(t(locale, 'profile:hint'), true));
  return adaptiveCard(body, [editProfileAction(locale)]);
}

function problemText(locale: Locale, problem: ProfileFormProblem): string {
  const max = 'max' in problem ? (problem.max ?? 0) : 0;
  const line = problem.line !== undefined ? quote(problem.line) : undefined;
  switch (problem.code) {
    case 'control':
      return t(locale, 'profile:problemControl');
    case 'tooMany':
      return t(locale, 'profile:problemTooMany', { max });
    case 'empty':
      return line !== undefined && line !== '' ? t(locale, 'profile:problemEmptyIn', { line }) : t(locale, 'profile:problemEmpty');
    case 'tooLong':
      return line !== undefined ? t(locale, 'profile:problemTooLongIn', { line, max }) : t(locale, 'profile:problemTooLong', { max });
    case 'level':
      return line !== undefined ? t(locale, 'profile:problemLevelIn', { line }) : t(locale, 'profile:problemLevel');
    case 'shape':
      return t(locale, 'profile:problemShape');
  }
}

const problemBlock = (text: string): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  color: 'attention',
  size: 'small',
  spacing: 'none',
});

/** What is typed back into a refused form; a pasted page is cut so the card stays small. */
const prefill = (text: string) => text.slice(0, 1_000);

/** Each switch of the form as a toggle: its title, and the hint under it. */
const SWITCH_TEXT: Record<ProfileSwitch, { readonly title: CardKey; readonly hint: CardKey }> = {
  celebrateMilestones: { title: 'profile:celebrateMilestonesTitle', hint: 'profile:celebrateMilestonesHint' },
  requestAlerts: { title: 'profile:requestAlertsTitle', hint: 'profile:requestAlertsHint' },
};
const isSwitch = (field: string): field is ProfileSwitch => (PROFILE_SWITCHES as readonly string[]).includes(field);

/**
 * The edit form, filled with the stored profile or with what was typed; problems sit under the
 * field they are about, in the reader's language. `saveProfile` sends every input back, and what each
 * switch showed when the form was opened (only a change of one is saved).
 */
export function profileEditCard(
  values: ProfileFormValues,
  locale: Locale,
  problems: readonly ProfileFormProblem[] = [],
  /** Skills the taxonomy did not know: "did you mean…?" under the skill fields, and a choice to add each as new. */
  unknownSkills: readonly UnknownSkill[] = [],
): AdaptiveCard {
  const body: CardElement[] = [heading(t(locale, 'profile:editTitle'))];
  if (problems.length > 0)
    body.push({ type: 'TextBlock', text: t(locale, 'profile:notSaved'), wrap: true, color: 'attention', weight: 'bolder' });
  // The form has no field of its own for the whole body, nor for a switch (a toggle cannot send a wrong type).
  const fieldOf = (p: ProfileFormProblem): ProfileFormField => (p.field === 'body' || isSwitch(p.field) ? 'teaches' : p.field);
  const under = (field: ProfileFormField) =>
    problems
      .filter((p) => fieldOf(p) === field)
      .slice(0, 5)
      .map((p) => problemBlock(problemText(locale, p)));
  body.push(
    {
      type: 'Input.Text',
      id: 'teaches',
      label: t(locale, 'profile:teachesLabel'),
      isMultiline: true,
      value: prefill(values.teaches),
      placeholder: t(locale, 'profile:teachesPlaceholder'),
    },
    ...under('teaches'),
    {
      type: 'Input.Text',
      id: 'wants',
      label: t(locale, 'profile:wantsLabel'),
      value: prefill(values.wants),
      placeholder: t(locale, 'profile:wantsPlaceholder'),
    },
    ...under('wants'),
    ...skillQuestionElements(unknownSkills, locale),
    {
      type: 'Input.Text',
      id: 'bio',
      label: t(locale, 'profile:bioLabel', { max: PROFILE_LIMITS.bioChars }),
      isMultiline: true,
      maxLength: PROFILE_LIMITS.bioChars,
      value: prefill(values.bio),
    },
    ...under('bio'),
    {
      type: 'Input.Text',
      id: 'languages',
      label: t(locale, 'profile:languagesLabel'),
      value: prefill(values.languages),
      placeholder: t(locale, 'profile:languagesPlaceholder'),
    },
    ...under('languages'),
    {
      type: 'Input.Text',
      id: 'availability',
      label: t(locale, 'profile:availabilityLabel', { max: PROFILE_LIMITS.availabilityChars }),
      maxLength: PROFILE_LIMITS.availabilityChars,
      value: prefill(values.availability),
      placeholder: t(locale, 'profile:availabilityPlaceholder'),
    },
    ...under('availability'),
    ...PROFILE_SWITCHES.flatMap((id): CardElement[] => [
      { type: 'Input.Toggle', id, title: t(locale, SWITCH_TEXT[id].title), value: values[id].on ? 'true' : 'false' },
      { ...paragraph(t(locale, SWITCH_TEXT[id].hint), true), spacing: 'none' },
    ]),
  );
  return adaptiveCard(body, [
    {
      type: 'Action.Execute',
      title: t(locale, 'profile:save'),
      verb: PROFILE_VERBS.save,
      style: 'positive',
      associatedInputs: 'auto',
      data: Object.fromEntries(PROFILE_SWITCHES.map((id) => [shownKey(id), values[id].shown ? 'true' : 'false'] as const)),
    },
    { type: 'Action.Execute', title: t(locale, 'profile:cancel'), verb: PROFILE_VERBS.view, associatedInputs: 'none' },
  ]);
}
