import type { Locale } from '../domain/person';
import { adaptiveCard, heading, paragraph } from './adaptive-card';
import type { AdaptiveCard } from './adaptive-card';
import { t } from './strings';

export function helpCard(locale: Locale): AdaptiveCard {
  const command = locale === 'nl' ? 'hulp' : 'help';
  return adaptiveCard(
    [
      heading(t(locale, 'helpTitle')),
      paragraph(t(locale, 'helpIntro')),
      { type: 'FactSet', facts: [{ title: `${command}`, value: t(locale, 'helpCommandHelp') }] },
      paragraph(t(locale, 'helpTabHint'), true),
    ],
  );
}
