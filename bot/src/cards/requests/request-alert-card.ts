import type { LearningRequest } from '../../domain/requests/learning-request';
import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardElement } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { skillPlain, skillText } from '../shared/skill-text';
import { userText } from '../shared/user-text';
import { teachAction } from './learning-request-card';

interface RequestAlertView {
  readonly request: LearningRequest;
  /** The team the request was asked in ('' when not known). */
  readonly teamName: string;
}

/**
 * The personal alert to someone who teaches a requested skill (issue #12): what was asked, in which
 * team, how many want it, and "I can teach this" (the bot's plan form filled from the request; the
 * save takes it). No +1: the reader teaches it. Why they got it, and how to stop it, closes the card.
 */
export function requestAlertCard(view: RequestAlertView, locale: Locale): AdaptiveCard {
  const { request } = view;
  const skill = skillText(request.skill, locale);
  const body: CardElement[] = [
    heading(t(locale, 'requests:alertTitle', { skill })),
    ...(view.teamName ? [paragraph(t(locale, 'requests:alertTeam', { team: userText(view.teamName, 80) }), true)] : []),
    ...(request.note ? [paragraph(userText(request.note, 500))] : []),
    paragraph(t(locale, 'requests:cardVotes', { count: request.votes }), true),
    { type: 'TextBlock', text: t(locale, 'requests:alertWhy', { skill }), wrap: true, size: 'small', isSubtle: true },
  ];
  return adaptiveCard(body, [teachAction(request, locale)]);
}

/** The notification line (plain text: no markup to escape, only clipped). */
export const requestAlertSummary = (request: Pick<LearningRequest, 'skill'>, locale: Locale): string =>
  t(locale, 'requests:alertSummary', { skill: skillPlain(request.skill, locale) });
