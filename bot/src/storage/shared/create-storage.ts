import type { QueueClient } from '@azure/storage-queue';
import type { Repositories } from '../../domain/shared/repositories';
import { DEFAULT_CONFLICT_RETRY } from './etag-retry';
import type { ConflictRetryPolicy } from './etag-retry';
import { DELIVERY_TABLES, QUEUES, TABLES } from './keys';
import type { DeliveryTableId, QueueId, TableId } from './keys';
import { clientsFromConnectionString, DEFAULT_TRANSPORT } from './storage-clients';
import type { StorageClients, TransportTuning } from './storage-clients';
import { guard } from './storage-errors';
import { StorageTable } from './storage-table';
import { TableFeedbackRepository } from '../sessions/table-feedback-repository';
import { TableKudosRepository } from '../kudos/table-kudos-repository';
import { TableQuestionRepository } from '../sessions/table-question-repository';
import { TableLearningRequestRepository } from '../requests/table-learning-request-repository';
import { TableTipRepository } from '../tips/table-tip-repository';
import { TableBuddyAnswerRepository, TableBuddyPreferenceRepository, TableBuddyRoundRepository } from '../buddies/table-buddy-repositories';
import { TableBuddyScheduleRepository } from '../buddies/table-buddy-schedule-repository';
import { TableSkillHistoryRepository } from '../insights/table-skill-history-repository';
import { TableNudgeRepository } from '../insights/table-nudge-repository';
import { TableMilestoneRepository } from '../milestones/table-milestone-repository';
import { TableRequestAlertRepository } from '../requests/table-request-alert-repository';
import { TableGoalRepository } from '../insights/table-goal-repository';
import { TablePulseRepository } from '../insights/table-pulse-repository';
import { TableInsightsRepository } from '../insights/table-insights-repository';
import { TableMemberRepository } from '../experts/table-member-repository';
import { TableRsvpRepository } from '../rsvp/table-rsvp-repository';
import { TableSessionRepository } from '../sessions/table-session-repository';
import { TableTeamRepository } from '../teams/table-team-repository';
import { TableTenantRepository } from '../teams/table-tenant-repository';
import type { EndorsementRepository, IndexSnapshotStore, ProfileChangeFeed } from '../../domain/experts/expert-ports';
import { recordingProfileChanges } from '../experts/profile-change-recording';
import { TableTeamSkillRepository } from '../experts/table-team-skill-repository';
import { TableEndorsementRepository } from '../experts/table-endorsement-repository';
import { TableProfileChangeFeed } from '../experts/table-profile-change-feed';
import { TableIndexSnapshotStore } from '../experts/table-index-snapshot-store';
import type { PersonalDataStore } from '../../domain/privacy/personal-data';
import { createPersonalDataStore } from '../privacy/personal-data-store';

interface StorageOptions {
  /** Azure Storage, Cosmos DB Table API or Azurite. */
  readonly connectionString: string;
  readonly transport?: Partial<TransportTuning>;
  /** ETag conflict retries of read-change-write updates. */
  readonly conflictRetry?: Partial<ConflictRetryPolicy>;
}

interface StorageQueues {
  /** Invite fan-out, reminders, feedback requests and pairing rounds land here, one queue for every job kind. */
  readonly jobs: QueueClient;
}

export interface Storage {
  readonly repositories: Repositories;
  readonly queues: StorageQueues;
  /** Expert search's own stores: endorsements, the profile change feed and the index snapshots. */
  readonly experts: {
    readonly endorsements: EndorsementRepository;
    readonly changes: ProfileChangeFeed;
    readonly snapshots: IndexSnapshotStore;
  };
  /** Export and erase of one person's rows in every table, the delivery tables included (DESIGN F13). */
  readonly personalData: PersonalDataStore;
  /** Creates every table and queue that is missing. Idempotent; call once at start. */
  ensureCreated(): Promise<void>;
}

export function createStorage(options: StorageOptions): Storage {
  const clients = clientsFromConnectionString(options.connectionString, { ...DEFAULT_TRANSPORT, ...options.transport });
  return storageFromClients(clients, { ...DEFAULT_CONFLICT_RETRY, ...options.conflictRetry });
}

/** Builds the repositories over any way of reaching storage (see StorageClients). */
export function storageFromClients(clients: StorageClients, conflictRetry: ConflictRetryPolicy = DEFAULT_CONFLICT_RETRY): Storage {
  const table = (id: TableId): StorageTable => new StorageTable(TABLES[id], clients.table(TABLES[id]));
  const tables = {
    tenants: table('tenants'),
    teams: table('teams'),
    memberships: table('memberships'),
    profiles: table('profiles'),
    sessions: table('sessions'),
    rsvps: table('rsvps'),
    feedback: table('feedback'),
    questions: table('questions'),
    kudos: table('kudos'),
    learningRequests: table('learningRequests'),
    tips: table('tips'),
    endorsements: table('endorsements'),
    profileChanges: table('profileChanges'),
    expertSnapshots: table('expertSnapshots'),
    buddyPreferences: table('buddyPreferences'),
    buddyRounds: table('buddyRounds'),
    buddyAnswers: table('buddyAnswers'),
    buddySchedules: table('buddySchedules'),
    skillHistory: table('skillHistory'),
    nudges: table('nudges'),
    teamGoals: table('teamGoals'),
    pulses: table('pulses'),
    insights: table('insights'),
    insightFacts: table('insightFacts'),
    milestones: table('milestones'),
    requestAlerts: table('requestAlerts'),
    teamSkills: table('teamSkills'),
  } satisfies Record<TableId, StorageTable>;
  const queues = { jobs: clients.queue(QUEUES.jobs) } satisfies Record<QueueId, QueueClient> & StorageQueues;

  const profileChanges = new TableProfileChangeFeed(tables.profileChanges);
  const experts = {
    endorsements: new TableEndorsementRepository(tables.endorsements, profileChanges),
    changes: profileChanges,
    snapshots: new TableIndexSnapshotStore(tables.expertSnapshots),
  };

  // The delivery tables are created by delivery-storage.ts; privacy reaches them through their own clients.
  const deliveryTable = (id: DeliveryTableId): StorageTable => new StorageTable(DELIVERY_TABLES[id], clients.table(DELIVERY_TABLES[id]));
  const personalData = createPersonalDataStore({
    tables: { ...tables, addresses: deliveryTable('addresses'), delivered: deliveryTable('delivered'), parked: deliveryTable('parked') },
    changes: profileChanges,
  });

  const repositories: Repositories = {
    tenants: new TableTenantRepository(tables.tenants),
    teams: new TableTeamRepository(tables.teams, tables.memberships, conflictRetry),
    // Every profile write is announced on the change feed that keeps expert search fresh on every instance.
    members: recordingProfileChanges(new TableMemberRepository(tables.profiles, conflictRetry), profileChanges),
    sessions: new TableSessionRepository(tables.sessions, conflictRetry),
    rsvps: new TableRsvpRepository(tables.rsvps, tables.sessions, conflictRetry),
    feedback: new TableFeedbackRepository(tables.feedback),
    questions: new TableQuestionRepository(tables.questions),
    kudos: new TableKudosRepository(tables.kudos),
    learningRequests: new TableLearningRequestRepository(tables.learningRequests, conflictRetry),
    tips: new TableTipRepository(tables.tips),
    buddies: {
      preferences: new TableBuddyPreferenceRepository(tables.buddyPreferences, conflictRetry),
      rounds: new TableBuddyRoundRepository(tables.buddyRounds),
      answers: new TableBuddyAnswerRepository(tables.buddyAnswers),
      schedules: new TableBuddyScheduleRepository(tables.buddySchedules, conflictRetry),
    },
    skillHistory: new TableSkillHistoryRepository(tables.skillHistory),
    nudges: new TableNudgeRepository(tables.nudges),
    goals: new TableGoalRepository(tables.teamGoals),
    pulses: new TablePulseRepository(tables.pulses, conflictRetry),
    insights: new TableInsightsRepository(tables.insights, tables.insightFacts, conflictRetry),
    milestones: new TableMilestoneRepository(tables.milestones, conflictRetry),
    requestAlerts: new TableRequestAlertRepository(tables.requestAlerts),
    teamSkills: new TableTeamSkillRepository(tables.teamSkills),
    async ping() {
      // One table and the queue: both services answer, and initialisation ran.
      await Promise.all([tables.tenants.ping(), guard(`checking queue ${QUEUES.jobs}`, () => queues.jobs.getProperties())]);
    },
  };

  return {
    repositories,
    queues,
    experts,
    personalData,
    async ensureCreated() {
      await Promise.all([
        ...Object.values(tables).map((t) => t.ensureCreated()),
        ...Object.values(queues).map((queue) => guard(`creating queue ${queue.name}`, () => queue.createIfNotExists())),
      ]);
    },
  };
}
