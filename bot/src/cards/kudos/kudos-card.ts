import type { Locale } from '../../domain/shared/person';
import type { Kudos } from '../../domain/kudos/kudos';
import { KUDOS_MESSAGE_MAX_LENGTH, KUDOS_SKILL_MAX } from '../../domain/kudos/kudos-limits';
import type { KudosProblemCode } from '../../domain/kudos/kudos-limits';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard } from '../shared/adaptive-card';
import { personName, userText } from '../shared/user-text';
import { t } from '../shared/i18n';
import { skillText } from '../shared/skill-text';

interface KudosView {
  readonly kudos: Kudos;
  readonly fromName: string;
  readonly toName: string;
  readonly sessionTitle?: string;
}

/** The text of a problem of the tab's kudos form, with its limit. */
export function kudosProblemText(locale: Locale, code: KudosProblemCode): string {
  return t(locale, `kudos:problem_${code}`, { max: code === 'skillInvalid' ? KUDOS_SKILL_MAX : KUDOS_MESSAGE_MAX_LENGTH });
}

/** A thank-you in the channel: celebrates who helped, never ranks who did not. */
export function kudosCard(view: KudosView, locale: Locale): AdaptiveCard {
  return adaptiveCard([
    heading(t(locale, 'sessions:kudosTitle', { to: personName(view.kudos.toUserId, view.toName, locale) })),
    ...(view.kudos.message ? [paragraph(userText(view.kudos.message, 280))] : []),
    ...(view.kudos.skill ? [paragraph(t(locale, 'kudos:forSkill', { skill: skillText(view.kudos.skill, locale) }), true)] : []),
    ...(view.sessionTitle ? [paragraph(t(locale, 'sessions:kudosForSession', { title: userText(view.sessionTitle, 120) }), true)] : []),
    paragraph(t(locale, 'sessions:kudosFrom', { from: personName(view.kudos.fromUserId, view.fromName, locale) }), true),
  ]);
}
