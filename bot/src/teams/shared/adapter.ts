import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import type { BotConfig } from '../../config';
import { toLocale } from '../../domain/shared/person';
import { t } from '../../cards/shared/i18n';

export interface Logger {
  error(message: string, detail?: unknown): void;
  info(message: string): void;
}

/**
 * The real Bot Framework adapter. Without an app id it accepts unauthenticated requests (the
 * Agents Playground needs that); config.ts refuses that combination in production.
 */
export function createAdapter(bot: BotConfig, log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appId ? bot.type : '',
    MicrosoftAppTenantId: bot.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error(`bot turn failed (${context.activity.type}/${context.activity.name ?? ''})`, error);
    // An invoke's answer is its HTTP response; a message would not reach the user there.
    if (context.activity.type === 'invoke') return;
    try {
      await context.sendActivity(t(toLocale(context.activity.locale), 'common:errorMessage'));
    } catch (sendError) {
      log.error('could not tell the user about the failed turn', sendError);
    }
  };
  return adapter;
}
