import type { Request, Response } from 'express';
import type { BotConfig } from '../config';
import type { CommandId } from '../domain/commands';
import { createAdapter } from './adapter';
import type { BotFeature } from './bot-feature';
import { helpFeature } from './help/help-feature';
import { expertsFeature } from './experts/experts-feature';
import type { ExpertDirectory } from '../domain/skills/expert-directory';
import { PeerLearnBot } from './peerlearn-bot';
import { sessionsFeature } from './sessions/sessions-feature';
import { tipsFeature } from './tips/tips-feature';
import { learningRequestsFeature } from './learning-requests/learning-requests-feature';
import type { Services } from '../domain/services';
import type { SessionLinks } from '../domain/session-links';
import type { BotDependencies } from './peerlearn-bot';

export type BotEndpoint = (req: Request, res: Response) => Promise<void>;

/** Everything the bot's features need; each feature takes what it uses: the domain services, never repositories. */
export type BotFeatureDependencies = BotDependencies & { readonly experts: ExpertDirectory; readonly sessionLinks: SessionLinks; readonly services: Services };

/** The bot's features; each registers here with one line, and none imports another. */
export function botFeatures(deps: BotFeatureDependencies): BotFeature[] {
  const features: BotFeature[] = [];
  const commands = (): CommandId[] => [...new Set(features.flatMap((f) => Object.keys(f.commands ?? {}) as CommandId[]))];
  features.push(helpFeature(commands));
  features.push(expertsFeature(deps));
  features.push(sessionsFeature(deps));
  features.push(tipsFeature(deps));
  features.push(learningRequestsFeature(deps));
  return features;
}

/** `POST /api/messages`: the real CloudAdapter in front of the PeerLearn activity handler. */
export function createBotEndpoint(config: BotConfig, deps: BotFeatureDependencies): BotEndpoint {
  const adapter = createAdapter(config, deps.log);
  const bot = new PeerLearnBot(deps, botFeatures(deps));
  return (req, res) => adapter.process(req, res, (context) => bot.run(context));
}
