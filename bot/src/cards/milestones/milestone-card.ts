import type { MilestoneId } from '../../domain/milestones/milestones';
import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { clip, userText } from '../shared/user-text';

interface MilestoneView {
  readonly milestone: MilestoneId;
  /** '' when nothing names the person. */
  readonly displayName: string;
}

const titleOf = (view: MilestoneView, locale: Locale, asText: (name: string) => string): string =>
  t(locale, `milestones:title_${view.milestone}`, {
    name: view.displayName.trim() === '' ? t(locale, 'milestones:someone') : asText(view.displayName.trim()),
  });

/** The headline. The name is user text: escaped, never markup. */
export const milestoneTitle = (view: MilestoneView, locale: Locale): string => titleOf(view, locale, (name) => userText(name, 80));

/** The notification line: plain text, so the name only clipped (escapes would show as backslashes). */
export const milestoneSummary = (view: MilestoneView, locale: Locale): string => titleOf(view, locale, (name) => clip(name, 80));

/** A milestone in the team's channel: celebrates one person, never compares anyone. */
export function milestoneCard(view: MilestoneView, locale: Locale): AdaptiveCard {
  return adaptiveCard([heading(milestoneTitle(view, locale)), paragraph(t(locale, 'milestones:body'), true)]);
}
