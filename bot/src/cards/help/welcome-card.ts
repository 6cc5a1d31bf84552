import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, imBack, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { userText } from '../shared/user-text';

type WelcomeScope = 'team' | 'personal';

export function welcomeCard(scope: WelcomeScope, locale: Locale, name = ''): AdaptiveCard {
  const body =
    scope === 'team'
      ? [
          heading(t(locale, 'common:welcomeTeamTitle')),
          paragraph(t(locale, 'common:welcomeTeamIntro')),
          paragraph(t(locale, 'common:welcomeTeamStart'), true),
        ]
      : [
          heading(t(locale, 'common:welcomePersonalTitle', { name: name ? userText(name, 80) : '👋' })),
          paragraph(t(locale, 'common:welcomePersonalIntro')),
        ];
  return adaptiveCard(body, [imBack(t(locale, 'common:helpButton'), locale === 'nl' ? 'hulp' : 'help')]);
}
