import type { Locale } from '../../domain/shared/person';
import type { SkillLevel } from '../../domain/experts/member';
import type { Renamed } from '../../domain/experts/profile-editing';
import { PROFILE_LIMITS } from '../../domain/experts/profile-editing';
import type { ProfileFormField, ProfileFormProblem, ProfileFormValues } from '../../domain/experts/profile-form';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardElement, ExecuteAction, TextBlock } from '../shared/adaptive-card';
import { tp } from './profile-strings';

/** The verbs of the profile card's Universal Actions; the experts feature answers them. */
export const PROFILE_VERBS = { edit: 'editProfile', save: 'saveProfile', view: 'viewProfile' } as const;

export interface ProfileCardView {
  readonly displayName: string;
  readonly teaches: readonly { readonly name: string; readonly level: SkillLevel; readonly endorsements: number }[];
  readonly wants: readonly string[];
  readonly bio: string;
  readonly languages: readonly string[];
  readonly availability: string;
}

/** A typed entry shown back in a problem: short, so a pasted page cannot blow up the card. */
const quote = (line: string) => (line.length > 40 ? `${line.slice(0, 39)}…` : line);

const levelText = (locale: Locale, level: SkillLevel) => tp(locale, 'levelShown', { n: level });

const editProfileAction = (locale: Locale): ExecuteAction => ({
  type: 'Action.Execute',
  title: tp(locale, 'edit'),
  verb: PROFILE_VERBS.edit,
});

/**
 * The person's own profile: skills with levels, wants, bio, languages, availability and an Edit
 * action that answers the form in place. After a save it says so and shows the tidied spellings.
 */
export function profileCard(view: ProfileCardView, locale: Locale, saved?: { readonly normalised: readonly Renamed[] }): AdaptiveCard {
  const body: CardElement[] = [heading(tp(locale, 'title'))];
  if (saved) {
    body.push({ type: 'TextBlock', text: tp(locale, 'saved'), wrap: true, color: 'good', weight: 'bolder' });
    if (saved.normalised.length > 0) {
      body.push(paragraph(tp(locale, 'normalisedHeading'), true));
      body.push({
        type: 'FactSet',
        facts: saved.normalised.slice(0, PROFILE_LIMITS.skills).map((n) => ({ title: quote(n.from), value: `→ ${n.to}` })),
      });
    }
  }
  const none = tp(locale, 'nothingYet');
  const teaches = view.teaches.map(
    (s) => `${s.name} (${levelText(locale, s.level)}${s.endorsements > 0 ? `, ${tp(locale, 'endorsed', { n: s.endorsements })}` : ''})`,
  );
  body.push({
    type: 'FactSet',
    facts: [
      { title: tp(locale, 'teaches'), value: teaches.length > 0 ? teaches.join('\n') : none },
      { title: tp(locale, 'wants'), value: view.wants.length > 0 ? view.wants.join(', ') : none },
      { title: tp(locale, 'bio'), value: view.bio || none },
      { title: tp(locale, 'languages'), value: view.languages.length > 0 ? view.languages.join(', ') : none },
      { title: tp(locale, 'availability'), value: view.availability || none },
    ],
  });
  body.push(paragraph(tp(locale, 'hint'), true));
  return adaptiveCard(body, [editProfileAction(locale)]);
}

function problemText(locale: Locale, problem: ProfileFormProblem): string {
  const max = 'max' in problem ? (problem.max ?? 0) : 0;
  const line = problem.line !== undefined ? quote(problem.line) : undefined;
  switch (problem.code) {
    case 'control':
      return tp(locale, 'problemControl');
    case 'tooMany':
      return tp(locale, 'problemTooMany', { max });
    case 'empty':
      return line !== undefined && line !== '' ? tp(locale, 'problemEmptyIn', { line }) : tp(locale, 'problemEmpty');
    case 'tooLong':
      return line !== undefined ? tp(locale, 'problemTooLongIn', { line, max }) : tp(locale, 'problemTooLong', { max });
    case 'level':
      return line !== undefined ? tp(locale, 'problemLevelIn', { line }) : tp(locale, 'problemLevel');
    case 'shape':
      return tp(locale, 'problemShape');
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

/**
 * The edit form, filled with the stored profile or with what was typed; problems sit under the
 * field they are about, in the reader's language. `saveProfile` sends every input back.
 */
export function profileEditCard(values: ProfileFormValues, locale: Locale, problems: readonly ProfileFormProblem[] = []): AdaptiveCard {
  const body: CardElement[] = [heading(tp(locale, 'editTitle'))];
  if (problems.length > 0) body.push({ type: 'TextBlock', text: tp(locale, 'notSaved'), wrap: true, color: 'attention', weight: 'bolder' });
  const fieldOf = (p: ProfileFormProblem): ProfileFormField => (p.field === 'body' ? 'teaches' : p.field);
  const under = (field: ProfileFormField) =>
    problems
      .filter((p) => fieldOf(p) === field)
      .slice(0, 5)
      .map((p) => problemBlock(problemText(locale, p)));
  body.push(
    {
      type: 'Input.Text',
      id: 'teaches',
      label: tp(locale, 'teachesLabel'),
      isMultiline: true,
      value: prefill(values.teaches),
      placeholder: tp(locale, 'teachesPlaceholder'),
    },
    ...under('teaches'),
    {
      type: 'Input.Text',
      id: 'wants',
      label: tp(locale, 'wantsLabel'),
      value: prefill(values.wants),
      placeholder: tp(locale, 'wantsPlaceholder'),
    },
    ...under('wants'),
    {
      type: 'Input.Text',
      id: 'bio',
      label: tp(locale, 'bioLabel', { max: PROFILE_LIMITS.bioChars }),
      isMultiline: true,
      maxLength: PROFILE_LIMITS.bioChars,
      value: prefill(values.bio),
    },
    ...under('bio'),
    {
      type: 'Input.Text',
      id: 'languages',
      label: tp(locale, 'languagesLabel'),
      value: prefill(values.languages),
      placeholder: tp(locale, 'languagesPlaceholder'),
    },
    ...under('languages'),
    {
      type: 'Input.Text',
      id: 'availability',
      label: tp(locale, 'availabilityLabel', { max: PROFILE_LIMITS.availabilityChars }),
      maxLength: PROFILE_LIMITS.availabilityChars,
      value: prefill(values.availability),
      placeholder: tp(locale, 'availabilityPlaceholder'),
    },
    ...under('availability'),
  );
  return adaptiveCard(body, [
    { type: 'Action.Execute', title: tp(locale, 'save'), verb: PROFILE_VERBS.save, style: 'positive', associatedInputs: 'auto' },
    { type: 'Action.Execute', title: tp(locale, 'cancel'), verb: PROFILE_VERBS.view, associatedInputs: 'none' },
  ]);
}
