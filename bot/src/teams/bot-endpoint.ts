import type { Request, Response } from 'express';
import type { BotConfig } from '../config';
import { createAdapter } from './adapter';
import type { Logger } from './adapter';
import { PeerLearnBot } from './peerlearn-bot';
import type { BotDependencies } from './peerlearn-bot';

export type BotEndpoint = (req: Request, res: Response) => Promise<void>;

/** `POST /api/messages`: the real CloudAdapter in front of the PeerLearn activity handler. */
export function createBotEndpoint(config: BotConfig, deps: BotDependencies & { readonly log: Logger }): BotEndpoint {
  const adapter = createAdapter(config, deps.log);
  const bot = new PeerLearnBot(deps);
  return (req, res) => adapter.process(req, res, (context) => bot.run(context));
}
