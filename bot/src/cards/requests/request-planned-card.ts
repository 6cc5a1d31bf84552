import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { userText } from '../shared/user-text';
import { sessionInviteCard } from '../sessions/session-invite-card';
import type { InviteView } from '../sessions/session-invite-card';
import { skillPlain, skillText } from '../shared/skill-text';

interface RequestPlannedView extends InviteView {
  readonly skill: string;
  readonly plannerName: string | undefined;
}

/**
 * To someone who asked for a skill or +1'd it: who planned a session for it, then the session's own
 * invite (the shared view: RSVP, calendar and join work from here as from the channel's card).
 */
export function requestPlannedCard(view: RequestPlannedView, locale: Locale): AdaptiveCard {
  const invite = sessionInviteCard(view, undefined, locale);
  const skill = skillText(view.skill, locale);
  const name = view.plannerName === undefined ? t(locale, 'requests:cardPlannedSomeone') : userText(view.plannerName, 80);
  return adaptiveCard(
    [
      heading(t(locale, 'requests:plannedNoticeTitle', { name, skill })),
      paragraph(t(locale, 'requests:plannedNoticeIntro', { skill })),
      ...invite.body,
    ],
    invite.actions ?? [],
  );
}

/** The plain-text line a notification shows for it. */
export const requestPlannedSummary = (view: Pick<RequestPlannedView, 'skill' | 'plannerName'>, locale: Locale): string =>
  t(locale, 'requests:plannedNoticeTitle', {
    name: view.plannerName === undefined ? t(locale, 'requests:cardPlannedSomeone') : view.plannerName.slice(0, 80),
    skill: skillPlain(view.skill, locale),
  });
