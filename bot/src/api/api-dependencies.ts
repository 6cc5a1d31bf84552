import type { Outbox } from '../domain/outbox';
import type { Repositories } from '../domain/repositories';
import type { TokenValidator } from './token-validator';

/** What the tab API's routes need; features add their services here. */
export interface ApiDependencies {
  readonly repositories: Repositories;
  readonly outbox: Outbox;
  readonly validate: TokenValidator;
  readonly now: () => Date;
}
