import type { NudgeContent } from '../../domain/insights/nudge-service';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardAction, CardElement } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { clip, userText } from '../shared/user-text';
import { formatWhen } from '../sessions/session-text';
import { sessionActionData } from '../sessions/session-invite-card';
import { skillPlain } from '../shared/skill-text';

const TITLE_MAX = 120;
const SKILLS_MAX = 160;
const TEAM_MAX = 80;

/**
 * The owners' nudge as the member reads it (issue #14): friendly, in their language, about the
 * sessions, never about being quiet or who sent it. Each session has the invite card's own `rsvp`
 * button (same verb and data), so the existing handler takes the answer.
 */
export function nudgeCard(content: NudgeContent, tabUrl: string): AdaptiveCard {
  const { locale, timeZone } = content;
  const team = userText(content.teamName || '—', TEAM_MAX);
  const body: CardElement[] = [
    heading(t(locale, 'insights:nudgeTitle')),
    paragraph(t(locale, content.matched ? 'insights:nudgeMatched' : 'insights:nudgeNext', { team })),
  ];
  for (const session of content.sessions) {
    const items: CardElement[] = [
      { type: 'TextBlock', text: userText(session.title, TITLE_MAX), weight: 'bolder', wrap: true },
      paragraph(formatWhen(session, locale, timeZone), true),
    ];
    if (session.skills.length > 0)
      items.push(
        paragraph(
          t(locale, 'insights:nudgeSkills', { skills: userText(session.skills.map((s) => skillPlain(s, locale)).join(', '), SKILLS_MAX) }),
          true,
        ),
      );
    items.push({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          title: t(locale, 'insights:nudgeJoin'),
          verb: 'rsvp',
          data: { ...sessionActionData(session), response: 'yes' },
          style: 'positive',
        },
      ],
    });
    body.push({ type: 'Container', style: 'emphasis', items });
  }
  const actions: CardAction[] = [{ type: 'Action.OpenUrl', title: t(locale, 'insights:nudgeOpenTab'), url: tabUrl }];
  return adaptiveCard(body, actions);
}

/** The notification's text: the first session's title, plain (Teams shows it outside the card). */
export function nudgeSummary(content: NudgeContent): string {
  return t(content.locale, 'insights:nudgeSummary', { title: clip(content.sessions[0]?.title ?? '', TITLE_MAX) });
}
