import type { Locale } from '../../domain/shared/person';
import type { ContributionChoice, EraseCounts } from '../../domain/privacy/personal-data';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard } from '../shared/adaptive-card';
import { t } from '../shared/i18n';

/** The erase card's inputs, as Teams merges them into the pressed action's data. */
export const ERASE_INPUTS = { contributions: 'contributions', confirm: 'confirmErase' } as const;

export const CONTRIBUTION_CHOICES: readonly ContributionChoice[] = ['anonymise', 'remove'];

/** `export my data`: a signed download link, only for the person who asked, for 15 minutes. */
export function exportLinkCard(url: string, expiresAt: Date, locale: Locale): AdaptiveCard {
  const time = expiresAt.toISOString().slice(11, 16);
  return adaptiveCard(
    [
      heading(t(locale, 'privacy:exportTitle')),
      paragraph(t(locale, 'privacy:exportIntro')),
      paragraph(t(locale, 'privacy:exportValidUntil', { time }), true),
    ],
    [{ type: 'Action.OpenUrl', title: t(locale, 'privacy:exportButton'), url }],
  );
}

/**
 * `delete my data`: what an erase does, the person's choice for their tips and requests, and an explicit
 * confirmation. The erase button only acts when the toggle is on (the bot checks it, not only the card).
 */
export function eraseConfirmCard(locale: Locale, problem?: 'notConfirmed' | 'badChoice'): AdaptiveCard {
  return adaptiveCard(
    [
      heading(t(locale, 'privacy:eraseTitle')),
      paragraph(t(locale, 'privacy:eraseIntro')),
      paragraph(t(locale, 'privacy:eraseSessions')),
      {
        type: 'Input.ChoiceSet',
        id: ERASE_INPUTS.contributions,
        label: t(locale, 'privacy:eraseContributionsLabel'),
        style: 'expanded',
        isRequired: true,
        errorMessage: t(locale, 'privacy:eraseBadChoice'),
        value: 'anonymise',
        choices: [
          { title: t(locale, 'privacy:eraseContributionsAnonymise'), value: 'anonymise' },
          { title: t(locale, 'privacy:eraseContributionsRemove'), value: 'remove' },
        ],
      },
      {
        type: 'Input.Toggle',
        id: ERASE_INPUTS.confirm,
        label: t(locale, 'privacy:eraseConfirmHeading'),
        title: t(locale, 'privacy:eraseConfirmLabel'),
        value: 'false',
        isRequired: true,
        errorMessage: t(locale, 'privacy:eraseNotConfirmed'),
      },
      ...(problem
        ? [
            {
              ...paragraph(t(locale, problem === 'notConfirmed' ? 'privacy:eraseNotConfirmed' : 'privacy:eraseBadChoice')),
              color: 'attention' as const,
            },
          ]
        : []),
    ],
    [
      { type: 'Action.Execute', title: t(locale, 'privacy:eraseButton'), verb: 'eraseMe', style: 'destructive', associatedInputs: 'auto' },
      { type: 'Action.Execute', title: t(locale, 'privacy:keepButton'), verb: 'keepMyData', associatedInputs: 'none' },
    ],
  );
}

/** After an erase: what happened, in numbers (no names: there are none left). */
export function erasedCard(counts: EraseCounts, locale: Locale): AdaptiveCard {
  const nothing = counts.removed === 0 && counts.anonymised === 0;
  return adaptiveCard([
    heading(t(locale, 'privacy:erasedTitle')),
    paragraph(
      nothing
        ? t(locale, 'privacy:erasedNothing')
        : t(locale, 'privacy:erasedBody', { removed: counts.removed, anonymised: counts.anonymised }),
    ),
    paragraph(t(locale, 'privacy:erasedAgain'), true),
  ]);
}

/** The person pressed "Keep my data". */
export function keptCard(locale: Locale): AdaptiveCard {
  return adaptiveCard([heading(t(locale, 'privacy:keptTitle')), paragraph(t(locale, 'privacy:keptBody'))]);
}
