import type { Outbox } from '../domain/delivery/outbox';
import type { ParkedDeliveries, WorkQueue } from '../domain/delivery/delivery';
import type { Services } from '../domain/shared/services';
import type { SessionLinks } from '../domain/sessions/session-links';
import type { BuddyChatLinks } from '../domain/buddies/buddy-chat-links';
import type { ExpertDirectory } from '../domain/experts/expert-directory';
import type { WriteLimiter } from '../domain/shared/write-rate-limiter';
import type { TokenValidator } from './shared/token-validator';

/** What the tab API's routes need: the domain services, never repositories. */
export interface ApiDependencies {
  /** The domain services, built once by the composition root. */
  readonly services: Services;
  readonly outbox: Outbox;
  readonly validate: TokenValidator;
  /** Changes per person and per tenant (429 past them); one per instance. */
  readonly writeLimiter: WriteLimiter;
  readonly now: () => Date;
  /** Expert search and endorsements (expert-routes.ts, profile-routes.ts). */
  readonly experts: ExpertDirectory;
  /** Signs and checks the calendar links of session cards (session-routes.ts). */
  readonly sessionLinks: SessionLinks;
  /** Signs and checks the `.ics` links of buddy introductions (buddy-chat-routes.ts). */
  readonly buddyLinks: BuddyChatLinks;
  /** Parked deliveries and the queue that retries them (delivery-routes.ts). */
  readonly delivery: { readonly parked: ParkedDeliveries; readonly queue: Pick<WorkQueue, 'requestRedelivery'> };
}
