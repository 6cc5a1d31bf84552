import type { TurnContext } from 'botbuilder';
import {
  CONTRIBUTION_CHOICES,
  ERASE_INPUTS,
  eraseConfirmCard,
  erasedCard,
  exportLinkCard,
  keptCard,
} from '../../cards/privacy/privacy-cards';
import { t } from '../../cards/shared/i18n';
import { isOneOf } from '../../domain/shared/card-verbs';
import type { Locale, PersonRef } from '../../domain/shared/person';
import { toLocale } from '../../domain/shared/person';
import type { ContributionChoice, EraseCounts } from '../../domain/privacy/personal-data';
import { cardActionOf } from '../shared/bot-feature';
import type { BotFeature, CommandHandler, InvokeHandler } from '../shared/bot-feature';
import { cardMessage } from '../shared/card-message';
import { personOf } from '../shared/identity';
import { cardResponse, errorResponse, messageResponse } from '../shared/invoke-responses';

/** What the bot asks of the privacy service: the same export and erase the tab's API uses. */
interface PrivacyActions {
  exportLink(person: PersonRef): Promise<{ readonly url: string; readonly expiresAt: Date }>;
  erase(person: PersonRef, contributions: ContributionChoice): Promise<EraseCounts>;
}

interface PrivacyFeatureDependencies {
  readonly services: { readonly privacy: PrivacyActions };
}

const isPersonalChat = (context: TurnContext): boolean => context.activity.conversation?.conversationType === 'personal';

/**
 * F13 in the bot: `export my data` / `exporteer mijn gegevens` and `delete my data` / `verwijder mijn gegevens`.
 * Only in the personal chat: a download link or an erase card in a channel would be everyone's to press.
 * The person is always the sender (tenant + Entra object id); nothing in a card's data names whose data it is.
 */
export function privacyFeature(deps: PrivacyFeatureDependencies) {
  const { privacy } = deps.services;

  const personalOnly =
    (act: (context: TurnContext, person: PersonRef, locale: Locale) => Promise<void>): CommandHandler =>
    async (context, _command, locale) => {
      if (!isPersonalChat(context)) {
        await context.sendActivity(t(locale, 'privacy:onlyInPersonalChat'));
        return;
      }
      const person = personOf(context.activity);
      if (!person) {
        await context.sendActivity(t(locale, 'privacy:noPerson'));
        return;
      }
      await act(context, { tenantId: person.tenantId, userId: person.userId }, locale);
    };

  const exportMyData = personalOnly(async (context, person, locale) => {
    const link = await privacy.exportLink(person);
    await context.sendActivity(cardMessage(exportLinkCard(link.url, link.expiresAt, locale)));
  });

  const deleteMyData = personalOnly(async (context, _person, locale) => {
    await context.sendActivity(cardMessage(eraseConfirmCard(locale)));
  });

  /** The erase card's button: acts only with the confirmation ticked and a known choice; otherwise the card comes back saying why. */
  const eraseMe: InvokeHandler = async (context) => {
    const locale = toLocale(context.activity.locale);
    if (!isPersonalChat(context)) return errorResponse(400, 'BadRequest', t(locale, 'privacy:onlyInPersonalChat'));
    const person = personOf(context.activity);
    if (!person) return messageResponse(t(locale, 'privacy:noPerson'));
    const { data } = cardActionOf(context.activity.value);
    // Teams sends a toggle's value as the string "true"; anything else is no confirmation.
    if (data[ERASE_INPUTS.confirm] !== 'true') return cardResponse(eraseConfirmCard(locale, 'notConfirmed'));
    const contributions = data[ERASE_INPUTS.contributions];
    if (!isOneOf(CONTRIBUTION_CHOICES, contributions)) return cardResponse(eraseConfirmCard(locale, 'badChoice'));
    const counts = await privacy.erase({ tenantId: person.tenantId, userId: person.userId }, contributions);
    return cardResponse(erasedCard(counts, locale));
  };

  const keepMyData: InvokeHandler = async (context) => cardResponse(keptCard(toLocale(context.activity.locale)));

  return {
    commands: { exportMyData, deleteMyData },
    cardVerbs: { eraseMe, keepMyData },
  } satisfies BotFeature;
}
