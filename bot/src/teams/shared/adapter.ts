import { CloudAdapter } from 'botbuilder';
import type { Activity, InvokeResponse, TurnContext, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotConfig } from '../../config';
import type { Logger } from '../../domain/shared/logger';
import { toLocale } from '../../domain/shared/person';
import { t } from '../../cards/shared/i18n';
import { ReusedClientsAuthentication } from './reused-clients-auth';

type Authorization = Parameters<CloudAdapter['processActivityDirect']>[0];
type Logic = (context: TurnContext) => Promise<void>;

/** botframework-connector's `AuthenticationError`: a missing, invalid or foreign token (it carries a 4xx `statusCode`). */
function isRefusal(error: unknown): error is Error {
  const statusCode = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return error instanceof Error && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

/**
 * `CloudAdapter.process` prints every failure of a request with `console.error`, so each unauthenticated
 * POST left a stack trace. Failures end here instead, as one log line, answered as `process` would
 * have: 401 for a refused token, 500 otherwise. (The turn's own errors go to `onTurnError`.)
 */
class PeerLearnAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly log: Logger,
  ) {
    super(auth);
  }

  protected override async processActivity(
    authorization: Authorization,
    activity: Activity,
    logic: Logic,
  ): Promise<InvokeResponse | undefined> {
    try {
      return typeof authorization === 'string'
        ? await super.processActivity(authorization, activity, logic)
        : await super.processActivity(authorization, activity, logic);
    } catch (error) {
      if (isRefusal(error)) {
        this.log.warn('bot request refused: not authenticated', { activityId: activity.id, reason: error.message });
        return { status: 401 };
      }
      this.log.error('bot request failed', error, { activityId: activity.id });
      return { status: 500 };
    }
  }
}

/**
 * The real Bot Framework adapter. Without an app id it accepts unauthenticated requests (the
 * Agents Playground needs that); config.ts refuses that combination in production.
 */
export function createAdapter(bot: BotConfig, log: Logger): CloudAdapter {
  const auth = new ReusedClientsAuthentication({
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appId ? bot.type : '',
    MicrosoftAppTenantId: bot.tenantId ?? '',
  });
  const adapter = new PeerLearnAdapter(auth, log);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const activity = context.activity;
    log.error('bot turn failed', error, { activityId: activity.id, activityType: activity.type, activityName: activity.name });
    // An invoke's answer is its HTTP response; a message would not reach the user there.
    if (activity.type === 'invoke') return;
    try {
      await context.sendActivity(t(toLocale(activity.locale), 'common:errorMessage'));
    } catch (sendError) {
      log.error('could not tell the user about the failed turn', sendError, { activityId: activity.id });
    }
  };
  return adapter;
}
