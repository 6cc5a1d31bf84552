import type { FeedbackSummary } from '../../domain/sessions/feedback-summary';
import { APPLIED_NOTE_MAX } from '../../domain/sessions/session';
import type { Feedback, LearningSession } from '../../domain/sessions/session';
import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardElement } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { userText } from '../shared/user-text';
import { sessionActionData } from './session-invite-card';
import { formatShortWhen } from './session-text';

/**
 * Two weeks after a session, to who wrote what they would apply (issue #12): their own words back,
 * "did you apply it?" yes / partly / not yet and one optional line. The answer goes to the host only.
 */
export function appliedFollowUpCard(session: LearningSession, feedback: Feedback, locale: Locale, timeZone: string): AdaptiveCard {
  const previous = feedback.applied;
  return adaptiveCard(
    [
      heading(t(locale, 'applied:title', { title: userText(session.title, 120) })),
      paragraph(formatShortWhen(session.startsAt, locale, timeZone), true),
      paragraph(t(locale, 'applied:intro'), true),
      paragraph(`“${userText(feedback.willApply, 500)}”`),
      {
        type: 'Input.ChoiceSet',
        id: 'level',
        label: t(locale, 'applied:question'),
        style: 'expanded',
        isRequired: true,
        errorMessage: t(locale, 'sessions:failure_appliedInvalid'),
        choices: [
          { title: t(locale, 'applied:yes'), value: 'yes' },
          { title: t(locale, 'applied:partly'), value: 'partly' },
          { title: t(locale, 'applied:notYet'), value: 'notYet' },
        ],
        ...(previous ? { value: previous.level } : {}),
      },
      {
        type: 'Input.Text',
        id: 'note',
        label: t(locale, 'applied:note'),
        maxLength: APPLIED_NOTE_MAX,
        ...(previous?.note ? { value: previous.note } : {}),
      },
    ],
    [{ type: 'Action.Execute', title: t(locale, 'applied:send'), verb: 'applied', data: sessionActionData(session), style: 'positive' }],
  );
}

/** The follow-up's lines in the host's private summary: counts, then the notes (nothing until someone answered). */
export function appliedSummaryBlocks(summary: FeedbackSummary, locale: Locale): CardElement[] {
  const applied = summary.applied;
  if (!applied || applied.yes + applied.partly + applied.notYet === 0) return [];
  return [
    {
      type: 'FactSet',
      facts: [
        {
          title: t(locale, 'applied:summaryTitle'),
          value: t(locale, 'applied:summaryValue', { yes: applied.yes, partly: applied.partly, notYet: applied.notYet }),
        },
      ],
    },
    ...(applied.notes.length > 0
      ? [
          { type: 'TextBlock' as const, text: t(locale, 'applied:summaryNotes'), weight: 'bolder' as const, wrap: true },
          ...applied.notes.slice(0, 20).map((n) => paragraph(`• ${userText(n, APPLIED_NOTE_MAX)}`)),
        ]
      : []),
  ];
}
