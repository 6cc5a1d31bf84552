import type { Request, Response } from 'express';
import type { BotConfig } from '../../config';
import { createAdapter } from './adapter';
import type { BotRoutes, TextCommandId } from './bot-feature';
import { helpFeature } from '../help/help-feature';
import { expertsFeature } from '../experts/experts-feature';
import type { ExpertDirectory } from '../../domain/experts/expert-directory';
import { PeerLearnBot } from './peerlearn-bot';
import { sessionsFeature } from '../sessions/sessions-feature';
import { tipsFeature } from '../tips/tips-feature';
import { learningRequestsFeature } from '../requests/learning-requests-feature';
import { privacyFeature } from '../privacy/privacy-feature';
import { buddiesFeature } from '../buddies/buddies-feature';
import { insightsFeature } from '../insights/insights-feature';
import type { SessionLinks } from '../../domain/sessions/session-links';
import type { BotDependencies } from './peerlearn-bot';
import { isTenantAllowed } from '../../domain/shared/tenant-allow-list';
import type { TenantAllowList } from '../../domain/shared/tenant-allow-list';
import { tenantOf } from './identity';
import { ActivityTypes } from 'botbuilder';

type BotEndpoint = (req: Request, res: Response) => Promise<void>;

/** Everything the bot's features need; each feature takes what it uses: the domain services, never repositories. */
type BotFeatureDependencies = BotDependencies & {
  /** The endpoint warns of activities it refuses. */
  readonly log: BotDependencies['log'] & { warn(message: string): void };
  readonly experts: ExpertDirectory;
  readonly sessionLinks: SessionLinks;
};

/** Two features' tables as one; a key both claim is a type error, since the second would silently win. */
function joined<A extends object, B extends object>(a: A, b: B & Record<keyof A & keyof B, never>): A & B {
  return { ...a, ...b };
}

/**
 * The bot's routes: each feature's tables merged into one table per kind. The annotations make a
 * missing handler a type error (a verb in `CARD_VERBS`, a command id of the manifest, a text command).
 */
function botRoutes(deps: BotFeatureDependencies): BotRoutes {
  const experts = expertsFeature(deps);
  const sessions = sessionsFeature(deps);
  const tips = tipsFeature(deps);
  const requests = learningRequestsFeature(deps);
  const privacy = privacyFeature(deps);
  const buddies = buddiesFeature(deps);
  const insights = insightsFeature(deps);
  const help = helpFeature(() => Object.keys(commands) as TextCommandId[]);
  const commands: BotRoutes['commands'] = joined(
    joined(joined(joined(joined(help.commands, experts.commands), sessions.commands), requests.commands), privacy.commands),
    buddies.commands,
  );
  return {
    commands,
    cardVerbs: joined(
      joined(joined(joined(joined(sessions.cardVerbs, experts.cardVerbs), requests.cardVerbs), privacy.cardVerbs), buddies.cardVerbs),
      insights.cardVerbs,
    ),
    messagingExtension: {
      query: joined(experts.messagingExtension.query, sessions.messagingExtension.query),
      selectItem: joined(experts.messagingExtension.selectItem, sessions.messagingExtension.selectItem),
      fetchTask: joined(sessions.messagingExtension.fetchTask, tips.messagingExtension.fetchTask),
      submitAction: joined(sessions.messagingExtension.submitAction, tips.messagingExtension.submitAction),
    },
    dialogs: sessions.dialogs,
  };
}

/**
 * `POST /api/messages`: the real CloudAdapter in front of the PeerLearn activity handler. An
 * activity from a tenant outside `ALLOWED_TENANTS` stops here, once the adapter has authenticated
 * it and before any feature sees it: nothing is stored or sent (an invoke gets a bare 403).
 */
export function createBotEndpoint(config: BotConfig, allowedTenants: TenantAllowList, deps: BotFeatureDependencies): BotEndpoint {
  const adapter = createAdapter(config, deps.log);
  const bot = new PeerLearnBot(deps, botRoutes(deps));
  const { log } = deps;
  return async (req, res) => {
    // CloudAdapter would console.warn this one itself.
    if (typeof (req.body as { type?: unknown } | undefined)?.type !== 'string') {
      log.warn('bot request refused: no activity type');
      res.status(400).end();
      return;
    }
    // Every line the turn logs, here or in the background work it starts, carries the activity's id.
    await adapter.process(req, res, (context) =>
      log.scope({ activityId: context.activity.id }, async () => {
        const tenantId = tenantOf(context.activity);
        if (isTenantAllowed(allowedTenants, tenantId)) return bot.run(context);
        log.warn(
          `bot: refused a ${context.activity.type} activity from tenant ${JSON.stringify(tenantId ?? null)}, which ALLOWED_TENANTS does not list`,
        );
        if (context.activity.type === ActivityTypes.Invoke) {
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
        }
      }),
    );
  };
}
