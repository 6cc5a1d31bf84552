import { PULSE_QUESTIONS } from '../../domain/insights/pulse';
import type { PulseQuestion, PulseResults } from '../../domain/insights/pulse';
import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardAction, CardElement } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import type { CardKey } from '../shared/i18n';

export interface PulseCardView {
  readonly teamId: string;
  readonly results: PulseResults;
  readonly timeZone: string;
  /**
   * What the person sees after pressing send: thanks (no inputs any more), or a friendly refusal
   * (`failed`: the inputs stay when they may try again).
   */
  readonly notice?: { readonly kind: 'thanks' } | { readonly kind: 'failed'; readonly text: string; readonly retry: boolean };
}

const QUESTION_KEYS: Readonly<Record<PulseQuestion, CardKey>> = {
  learnedFromColleague: 'insights:pulse_learnedFromColleague',
  timeToLearn: 'insights:pulse_timeToLearn',
  wouldRecommend: 'insights:pulse_wouldRecommend',
};
const SCORE_KEYS: readonly CardKey[] = [
  'insights:pulseScore_1',
  'insights:pulseScore_2',
  'insights:pulseScore_3',
  'insights:pulseScore_4',
  'insights:pulseScore_5',
];

const closingDate = (closesAt: string, locale: Locale, timeZone: string): string =>
  // The last moment it is open is a tick before `closesAt`: the date people can still answer on.
  new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', timeZone }).format(
    new Date(Date.parse(closesAt) - 1),
  );

/**
 * The pulse survey in the channel (DESIGN F5): three fixed questions as compact 1–5 choices, sent
 * with one `pulseAnswer` button; the live count; the promise that no name is stored. Closed, or
 * answered by the person (the card the verb answers with), it keeps only the texts.
 */
export function pulseCard(view: PulseCardView, locale: Locale): AdaptiveCard {
  const { results, notice } = view;
  const answerable = results.open && notice?.kind !== 'thanks' && (notice?.kind !== 'failed' || notice.retry);
  const body: CardElement[] = [heading(t(locale, 'insights:pulseTitle'))];
  if (notice) {
    const text = notice.kind === 'thanks' ? t(locale, 'insights:pulseThanks') : notice.text;
    body.push({ type: 'Container', style: notice.kind === 'thanks' ? 'good' : 'warning', items: [paragraph(text)] });
  }
  if (answerable) {
    body.push(paragraph(t(locale, 'insights:pulseIntro')));
    for (const question of PULSE_QUESTIONS) {
      body.push({
        type: 'Input.ChoiceSet',
        id: question,
        label: t(locale, QUESTION_KEYS[question]),
        style: 'compact',
        isRequired: true,
        errorMessage: t(locale, 'insights:pulseChoose'),
        placeholder: t(locale, 'insights:pulseChoose'),
        choices: SCORE_KEYS.map((key, i) => ({ title: t(locale, key), value: String(i + 1) })),
      });
    }
  }
  body.push(paragraph(t(locale, 'insights:pulseResponses', { count: results.responses }), true));
  body.push(
    paragraph(
      results.open
        ? t(locale, 'insights:pulseOpenUntil', { date: closingDate(results.closesAt, locale, view.timeZone) })
        : t(locale, 'insights:pulseClosed'),
      true,
    ),
  );
  body.push(paragraph(t(locale, 'insights:pulseAnonymous'), true));
  const actions: CardAction[] = answerable
    ? [
        {
          type: 'Action.Execute',
          title: t(locale, 'insights:pulseSend'),
          verb: 'pulseAnswer',
          data: { teamId: view.teamId, pulseId: results.pulseId },
          style: 'positive',
        },
      ]
    : [];
  return adaptiveCard(body, actions);
}

/** The pulse's notification line (plain text). */
export const pulseSummary = (locale: Locale): string => t(locale, 'insights:pulseSummary');
