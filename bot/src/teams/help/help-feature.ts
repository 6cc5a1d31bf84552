import { helpCard } from '../../cards/help/help-card';
import type { CommandId } from '../../domain/shared/commands';
import type { BotFeature } from '../shared/bot-feature';
import { cardMessage } from '../shared/card-message';

/** `help` / `hulp`: the commands this bot answers, in the language they were asked in. */
export function helpFeature(available: () => readonly CommandId[]) {
  return {
    commands: {
      help: async (context, _command, locale) => {
        await context.sendActivity(cardMessage(helpCard(locale, available())));
      },
    },
  } satisfies BotFeature;
}
