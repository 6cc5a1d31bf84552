import type { MilestoneId } from '../../domain/milestones/milestones';
import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { userText } from '../shared/user-text';

interface MilestoneView {
  readonly milestone: MilestoneId;
  /** '' when nothing names the person. */
  readonly displayName: string;
}

/** The headline, also the message's plain-text summary. The name is user text: escaped, never markup. */
export function milestoneTitle(view: MilestoneView, locale: Locale): string {
  const name = view.displayName.trim() === '' ? t(locale, 'milestones:someone') : userText(view.displayName.trim(), 80);
  return t(locale, `milestones:title_${view.milestone}`, { name });
}

/** A milestone in the team's channel: celebrates one person, never compares anyone. */
export function milestoneCard(view: MilestoneView, locale: Locale): AdaptiveCard {
  return adaptiveCard([heading(milestoneTitle(view, locale)), paragraph(t(locale, 'milestones:body'), true)]);
}
