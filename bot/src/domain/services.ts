import { createKudosService } from './kudos-service';
import type { KudosService } from './kudos-service';
import { createLearningRequestService } from './learning-request-service';
import type { LearningRequestService } from './learning-request-service';
import type { Outbox } from './outbox';
import type { Repositories } from './repositories';
import { createRsvpService } from './rsvp-service';
import type { RsvpService } from './rsvp-service';
import { createSessionFeedbackService } from './session-feedback-service';
import type { SessionFeedbackService } from './session-feedback-service';
import { createSessionService } from './session-service';
import type { SessionService } from './session-service';
import type { ExpertDirectory } from './skills/expert-directory';
import { createProfileService } from './skills/profile-service';
import type { ProfileService } from './skills/profile-service';
import { createTeamService } from './team-service';
import type { TeamService } from './team-service';
import { createTipService } from './tip-service';
import type { TipService } from './tip-service';

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
}

interface ServicesDeps {
  readonly repositories: Repositories;
  readonly outbox: Outbox;
  readonly experts: ExpertDirectory;
  readonly now: () => Date;
}

export function createServices(deps: ServicesDeps): Services {
  const { repositories, outbox, experts, now } = deps;
  return {
    sessions: createSessionService({ repositories, outbox, now }),
    rsvps: createRsvpService({ repositories, outbox, now }),
    sessionFeedback: createSessionFeedbackService({ repositories, outbox, now }),
    kudos: createKudosService({ repositories, now }),
    tips: createTipService({ repositories, now }),
    learningRequests: createLearningRequestService({ repositories, experts, now }),
    profiles: createProfileService({ members: repositories.members, experts, now }),
    teams: createTeamService({ repositories, now }),
  };
}
