import { createKudosService } from '../kudos/kudos-service';
import type { KudosService } from '../kudos/kudos-service';
import { createLearningRequestService } from '../requests/learning-request-service';
import type { LearningRequestService } from '../requests/learning-request-service';
import type { Outbox } from '../delivery/outbox';
import { createPostContentService } from '../delivery/post-content-service';
import type { PostContentService } from '../delivery/post-content-service';
import type { Repositories } from './repositories';
import { createRsvpService } from '../rsvp/rsvp-service';
import type { RsvpService } from '../rsvp/rsvp-service';
import { createSessionFeedbackService } from '../sessions/session-feedback-service';
import type { SessionFeedbackService } from '../sessions/session-feedback-service';
import { createSessionService } from '../sessions/session-service';
import type { SessionService } from '../sessions/session-service';
import type { ExpertDirectory } from '../experts/expert-directory';
import { createProfileService } from '../experts/profile-service';
import type { ProfileService } from '../experts/profile-service';
import { createTeamService } from '../teams/team-service';
import type { TeamService } from '../teams/team-service';
import type { TeamOwnerDirectory } from '../teams/team-owners';
import type { PersonalDataStore } from '../privacy/personal-data';
import { createPrivacyService } from '../privacy/privacy-service';
import type { PrivacyService } from '../privacy/privacy-service';
import { createTipService } from '../tips/tip-service';
import { createBuddyService } from '../buddies/buddy-service';
import type { BuddyServices } from '../buddies/buddy-service';
import type { MatchRound } from '../buddies/buddy';
import { matchRound } from '../buddies/matching';
import type { TipService } from '../tips/tip-service';
import { createInsightsService } from '../insights/insights-service';
import type { InsightsCore } from '../insights/insights-service';
import type { CsvWords } from '../insights/insights-csv-tables';

/** Every domain service, built once by the composition root and handed to the bot, the API and the jobs. */
export interface Services {
  readonly sessions: SessionService;
  readonly rsvps: RsvpService;
  readonly sessionFeedback: SessionFeedbackService;
  readonly kudos: KudosService;
  readonly tips: TipService;
  readonly learningRequests: LearningRequestService;
  readonly profiles: ProfileService;
  readonly teams: TeamService;
  /** What each outbox job posts, for the job composer. */
  readonly postContent: PostContentService;
  /** Export and erase of one person's data (DESIGN F13). */
  readonly privacy: PrivacyService;
  /** Learning buddies (DESIGN F8): the API's and the bot's operations, and what the round jobs read. */
  readonly buddies: BuddyServices;
  /** Insights (DESIGN F10): the report, its CSV tables and the fold job that keeps the rollups. */
  readonly insights: InsightsCore;
}

interface ServicesDeps {
  readonly repositories: Repositories;
  readonly outbox: Outbox;
  readonly experts: ExpertDirectory;
  /** Graph's owners of each team; absent, the person who added the app owns it. */
  readonly teamOwners?: TeamOwnerDirectory;
  /** Every table's rows of one person, and what signs export links (the server secret and the public base URL). */
  readonly privacy: { readonly store: PersonalDataStore; readonly secret: string; readonly publicUrl: string | (() => string) };
  readonly now: () => Date;
  /** Tests: a pinned matching in place of matchRound. */
  readonly buddyMatch?: MatchRound;
  /** The insights CSV files' header words in the reader's language (the cards' catalogue, given by the composition root). */
  readonly insightsWords: CsvWords;
}

export function createServices(deps: ServicesDeps): Services {
  const { repositories, outbox, experts, teamOwners, privacy, now } = deps;
  const rsvps = createRsvpService({ repositories, outbox, now });
  return {
    sessions: createSessionService({ repositories, outbox, now }),
    rsvps,
    sessionFeedback: createSessionFeedbackService({ repositories, outbox, now }),
    kudos: createKudosService({ repositories, now }),
    tips: createTipService({ repositories, now }),
    learningRequests: createLearningRequestService({ repositories, experts, now }),
    profiles: createProfileService({ members: repositories.members, experts, now }),
    teams: createTeamService({ repositories, now, ...(teamOwners ? { owners: teamOwners } : {}) }),
    postContent: createPostContentService({ repositories }),
    insights: createInsightsService({ repositories, outbox, words: deps.insightsWords, now }),
    buddies: createBuddyService({ repositories, outbox, match: deps.buddyMatch ?? matchRound, now }),
    privacy: createPrivacyService({
      ...privacy,
      experts,
      rsvps: { listForUser: (tenantId, userId) => repositories.rsvps.listForUser(tenantId, userId), respond: rsvps.respond },
      now,
    }),
  };
}
