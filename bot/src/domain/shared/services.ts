import { createKudosService } from '../kudos/kudos-service';
import { createMilestoneService } from '../milestones/milestone-service';
import type { MilestoneService } from '../milestones/milestone-service';
import type { KudosService } from '../kudos/kudos-service';
import { createLearningRequestService } from '../requests/learning-request-service';
import type { LearningRequestService } from '../requests/learning-request-service';
import type { Outbox } from '../delivery/outbox';
import { createPostContentService } from '../delivery/post-content-service';
import type { PostContentService } from '../delivery/post-content-service';
import { createRequestSessions } from '../requests/request-sessions';
import { createRequestAlerts } from '../requests/request-alerts';
import type { RequestAlerts } from '../requests/request-alerts';
import type { RequestSessions } from '../requests/request-sessions';
import type { Repositories } from './repositories';
import { createRsvpService } from '../rsvp/rsvp-service';
import type { AnswersInFlight } from '../rsvp/answers-in-flight';
import type { RsvpService } from '../rsvp/rsvp-service';
import { createSessionFeedbackService } from '../sessions/session-feedback-service';
import type { SessionFeedbackService } from '../sessions/session-feedback-service';
import { createSessionService } from '../sessions/session-service';
import type { SessionService } from '../sessions/session-service';
import type { ExpertDirectory } from '../experts/expert-directory';
import type { ProfileChangeFeed } from '../experts/expert-ports';
import { createProfileService } from '../experts/profile-service';
import type { ProfileService } from '../experts/profile-service';
import { createTeamService } from '../teams/team-service';
import type { TeamService } from '../teams/team-service';
import type { TeamOwnerDirectory } from '../teams/team-owners';
import type { PersonalDataStore } from '../privacy/personal-data';
import type { LinkSecrets } from './link-signer';
import { createPrivacyService } from '../privacy/privacy-service';
import type { PrivacyService } from '../privacy/privacy-service';
import { createTipService } from '../tips/tip-service';
import { createBuddyService } from '../buddies/buddy-service';
import type { BuddyServices } from '../buddies/buddy-service';
import type { MatchRound } from '../buddies/buddy';
import { matchRound } from '../buddies/matching';
import type { TipService } from '../tips/tip-service';
import { createOpenSessions, createSessionSearch } from '../sessions/open-sessions';
import type { FoundSession, OpenSessions } from '../sessions/open-sessions';
import type { PersonRef } from './person';
import { createMyLearningService } from '../insights/my-learning-service';
import type { MyLearningService } from '../insights/insights-service-contract';
import { createNudgeService } from '../insights/nudge-service';
import type { NudgeService } from '../insights/nudge-service';
import { createGoalService } from '../insights/goal-service';
import type { GoalProgressReader } from '../insights/goal-service';
import type { GoalService } from '../insights/insights-service-contract';
import { createPulseService } from '../insights/pulse-service';
import type { PulseServices } from '../insights/pulse-service';
import { createInsightsService } from '../insights/insights-service';
import type { InsightsCore } from '../insights/insights-service';
import { createSkillGate } from '../experts/skill-gate';
import type { SkillGate } from '../experts/skill-gate';
import type { CsvWords } from '../insights/insights-csv-tables';

/** Every domain service, built once by the composition root and handed to the bot, the API and the jobs. */
export interface Services {
  readonly sessions: SessionService;
  /** The tenant's sessions open to the whole organisation, across its teams. */
  readonly openSessions: OpenSessions;
  /** The messaging extension's `findSession`: upcoming sessions a person may join and share. */
  readonly findSessions: (actor: PersonRef, text: string, limit: number) => Promise<FoundSession[]>;
  readonly rsvps: RsvpService;
  readonly sessionFeedback: SessionFeedbackService;
  readonly kudos: KudosService;
  /** Milestones (issue #12): claimed once per (team, person, milestone), celebrated in the team's channel. */
  readonly milestones: MilestoneService;
  readonly tips: TipService;
  readonly learningRequests: LearningRequestService;
  /** A learning request and the session planned from it: what the askers' messages show. */
  readonly requestSessions: RequestSessions;
  /** Issue #12: who hears about a new learning request (teachers of its skill, once a day), for the job composer. */
  readonly requestAlerts: RequestAlerts;
  readonly profiles: ProfileService;
  readonly teams: TeamService;
  /** What each outbox job posts, for the job composer. */
  readonly postContent: PostContentService;
  /** Export and erase of one person's data (DESIGN F13). */
  readonly privacy: PrivacyService;
  /** Learning buddies (DESIGN F8): the API's and the bot's operations, and what the round jobs read. */
  readonly buddies: BuddyServices;
  /** My learning (issue #14): the caller's own progress across their teams. */
  readonly myLearning: MyLearningService;
  /** The owners' nudge to a quiet member (InsightsService.nudge) and what its job posts. */
  readonly nudges: NudgeService;
  /** Team goals (DESIGN F10), and their progress for the insights report. */
  readonly goals: GoalService & { readonly progressOf: GoalProgressReader };
  /** Pulse surveys (DESIGN F5), and what the `postPulse` job posts. */
  readonly pulses: PulseServices;
  /** Insights (DESIGN F10): the report, its CSV tables and the fold job that keeps the rollups. */
  readonly insights: InsightsCore;
  /** The gate every stored skill passes, with the team taxonomy it adds confirmed new skills to (issue #12). */
  readonly skills: SkillGate;
}

interface ServicesDeps {
  readonly repositories: Repositories;
  readonly outbox: Outbox;
  readonly experts: ExpertDirectory;
  /** Graph's owners of each team; absent, the person who added the app owns it. */
  readonly teamOwners?: TeamOwnerDirectory;
  /** Every table's rows of one person, and what signs export links (the server secret and the public base URL). */
  readonly privacy: {
    readonly store: PersonalDataStore;
    readonly publicUrl: string | (() => string);
    /** Writes queued behind answers on this instance, dropped before an erase (privacy-service.ts). */
    readonly pendingWrites?: { forget(person: PersonRef): Promise<void> };
  } & LinkSecrets;
  readonly now: () => Date;
  /** Tests: a pinned matching in place of matchRound. */
  readonly buddyMatch?: MatchRound;
  /** The insights CSV files' header words in the reader's language (the cards' catalogue, given by the composition root). */
  readonly insightsWords: CsvWords;
  /** The profile change feed: the insights report re-reads only the profiles it names (absent: every member's, every time). */
  readonly profileChanges?: Pick<ProfileChangeFeed, 'since'>;
  /** RSVP answers being served on this instance (the expert index's poll waits while there are). */
  readonly answersInFlight: AnswersInFlight;
}

export function createServices(deps: ServicesDeps): Services {
  const { repositories, outbox, experts, teamOwners, privacy, now } = deps;
  const rsvps = createRsvpService({ repositories, outbox, now, inFlight: deps.answersInFlight });
  const buddies = createBuddyService({ repositories, outbox, match: deps.buddyMatch ?? matchRound, now });
  const goals = createGoalService({ repositories, periods: repositories.insights, now });
  const goalsOf = async (actor: PersonRef, teamId: string) => {
    const listed = await goals.list(actor, teamId);
    return listed.ok ? listed.value.goals : [];
  };
  return {
    sessions: createSessionService({ repositories, outbox, now }),
    openSessions: createOpenSessions({ repositories, now }),
    findSessions: createSessionSearch({ repositories, now }),
    rsvps,
    sessionFeedback: createSessionFeedbackService({ repositories, outbox, now }),
    kudos: createKudosService({ repositories, outbox, now }),
    milestones: createMilestoneService({ repositories, now }),
    tips: createTipService({ repositories, now }),
    learningRequests: createLearningRequestService({ repositories, experts, outbox, now }),
    requestSessions: createRequestSessions({ repositories, outbox }),
    requestAlerts: createRequestAlerts({ repositories, experts, now }),
    profiles: createProfileService({ members: repositories.members, experts, skillHistory: repositories.skillHistory, now }),
    teams: createTeamService({ repositories, now, names: experts, ...(teamOwners ? { owners: teamOwners } : {}) }),
    postContent: createPostContentService({ repositories }),
    buddies,
    goals,
    myLearning: createMyLearningService({ repositories, buddies, goals: goalsOf, now }),
    nudges: createNudgeService({ repositories, outbox, now }),
    // The report shows the goals as GET …/goals does (the actor's own view of them).
    insights: createInsightsService({
      repositories,
      outbox,
      words: deps.insightsWords,
      now,
      goals: goalsOf,
      ...(deps.profileChanges ? { profileChanges: deps.profileChanges } : {}),
    }),
    skills: createSkillGate({ experts, teamSkills: repositories.teamSkills, teams: repositories.teams, now }),
    pulses: createPulseService({ repositories, outbox, secret: privacy.secret, now }),
    privacy: createPrivacyService({
      ...privacy,
      experts,
      rsvps: { listForUser: (tenantId, userId) => repositories.rsvps.listForUser(tenantId, userId), respond: rsvps.respond },
      now,
    }),
  };
}
