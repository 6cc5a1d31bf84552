import type { FeedbackSummary } from '../../domain/sessions/feedback-summary';
import type { Locale } from '../../domain/shared/person';
import type { Feedback, LearningSession } from '../../domain/sessions/session';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard } from '../shared/adaptive-card';
import { appliedSummaryBlocks } from './applied-card';
import { sessionActionData } from './session-invite-card';
import { formatShortWhen } from './session-text';
import { userText } from '../shared/user-text';
import { t } from '../shared/i18n';

/** After the session, to each attendee: rating 1–5, learned something new, what they will apply. */
export function feedbackCard(session: LearningSession, locale: Locale, timeZone: string, previous?: Feedback): AdaptiveCard {
  return adaptiveCard(
    [
      heading(t(locale, 'sessions:feedbackTitle', { title: userText(session.title, 120) })),
      paragraph(formatShortWhen(session.startsAt, locale, timeZone), true),
      paragraph(t(locale, 'sessions:feedbackIntro'), true),
      {
        type: 'Input.ChoiceSet',
        id: 'rating',
        label: t(locale, 'sessions:feedbackRating'),
        style: 'expanded',
        isRequired: true,
        errorMessage: t(locale, 'sessions:failure_ratingInvalid'),
        choices: [1, 2, 3, 4, 5].map((n) => ({ title: String(n), value: String(n) })),
        ...(previous ? { value: String(previous.rating) } : {}),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'learnedSomethingNew',
        label: t(locale, 'sessions:feedbackLearned'),
        style: 'expanded',
        choices: [
          { title: t(locale, 'sessions:yes'), value: 'true' },
          { title: t(locale, 'sessions:no'), value: 'false' },
        ],
        value: previous && !previous.learnedSomethingNew ? 'false' : 'true',
      },
      {
        type: 'Input.Text',
        id: 'willApply',
        label: t(locale, 'sessions:feedbackApply'),
        isMultiline: true,
        maxLength: 500,
        ...(previous?.willApply ? { value: previous.willApply } : {}),
      },
    ],
    [
      {
        type: 'Action.Execute',
        title: t(locale, 'sessions:feedbackSend'),
        verb: 'feedback',
        data: sessionActionData(session),
        style: 'positive',
      },
    ],
  );
}

/** The host's private summary; ratings are never shown to anyone else. */
export function feedbackSummaryCard(session: LearningSession, summary: FeedbackSummary, locale: Locale): AdaptiveCard {
  const body = [
    heading(t(locale, 'sessions:summaryTitle', { title: userText(session.title, 120) })),
    paragraph(t(locale, 'sessions:summaryPrivate'), true),
  ];
  if (summary.responses === 0) return adaptiveCard([...body, paragraph(t(locale, 'sessions:summaryNone'))]);
  return adaptiveCard([
    ...body,
    {
      type: 'FactSet',
      facts: [
        { title: t(locale, 'sessions:summaryResponses'), value: String(summary.responses) },
        { title: t(locale, 'sessions:summaryAverage'), value: `${summary.averageRating ?? '—'} / 5` },
        { title: t(locale, 'sessions:summaryLearned'), value: `${summary.learnedSomethingNew} / ${summary.responses}` },
      ],
    },
    ...(summary.willApply.length > 0
      ? [
          { type: 'TextBlock' as const, text: t(locale, 'sessions:summaryApply'), weight: 'bolder' as const, wrap: true },
          ...summary.willApply.slice(0, 20).map((w) => paragraph(`• ${userText(w, 300)}`)),
        ]
      : []),
    ...appliedSummaryBlocks(summary, locale),
  ]);
}
