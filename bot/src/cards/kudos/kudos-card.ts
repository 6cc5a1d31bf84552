import type { Locale } from '../../domain/shared/person';
import type { Kudos } from '../../domain/kudos/kudos';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard } from '../shared/adaptive-card';
import { personName, userText } from '../shared/user-text';
import { t } from '../shared/i18n';

interface KudosView {
  readonly kudos: Kudos;
  readonly fromName: string;
  readonly toName: string;
  readonly sessionTitle?: string;
}

/** A thank-you in the channel: celebrates who helped, never ranks who did not. */
export function kudosCard(view: KudosView, locale: Locale): AdaptiveCard {
  return adaptiveCard([
    heading(t(locale, 'sessions:kudosTitle', { to: personName(view.kudos.toUserId, view.toName, locale) })),
    ...(view.kudos.message ? [paragraph(userText(view.kudos.message, 280))] : []),
    ...(view.sessionTitle ? [paragraph(t(locale, 'sessions:kudosForSession', { title: userText(view.sessionTitle, 120) }), true)] : []),
    paragraph(t(locale, 'sessions:kudosFrom', { from: personName(view.kudos.fromUserId, view.fromName, locale) }), true),
  ]);
}
