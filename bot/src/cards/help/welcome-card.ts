import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, imBack, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard } from '../shared/adaptive-card';
import { t } from '../shared/strings';

type WelcomeScope = 'team' | 'personal';

export function welcomeCard(scope: WelcomeScope, locale: Locale, name = ''): AdaptiveCard {
  const body =
    scope === 'team'
      ? [heading(t(locale, 'welcomeTeamTitle')), paragraph(t(locale, 'welcomeTeamIntro')), paragraph(t(locale, 'welcomeTeamStart'), true)]
      : [heading(t(locale, 'welcomePersonalTitle', { name: name || '👋' })), paragraph(t(locale, 'welcomePersonalIntro'))];
  return adaptiveCard(body, [imBack(t(locale, 'helpButton'), locale === 'nl' ? 'hulp' : 'help')]);
}
