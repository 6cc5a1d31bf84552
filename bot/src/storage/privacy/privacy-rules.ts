import type { DeliveryTableId, TableId } from '../shared/keys';
import { addressesRule, deliveredRule, parkedRule } from './delivery-rules';
import { kudosRule, learningRequestsRule, tipsRule } from './contribution-rules';
import {
  endorsementsRule,
  expertSnapshotsRule,
  membershipsRule,
  profileChangesRule,
  profilesRule,
  teamsRule,
  tenantsRule,
} from './people-rules';
import type { PrivacyRule } from './privacy-rule';
import { buddyAnswersRule, buddyPreferencesRule, buddyRoundsRule, buddySchedulesRule } from './buddy-rules';
import { nudgesRule, skillHistoryRule } from './my-learning-rules';
import { milestonesRule } from './milestone-rules';
import { requestAlertsRule } from './request-alert-rules';
import { pulsesRule, teamGoalsRule } from './goal-pulse-rules';
import { insightFactsRule, insightsRule } from './insights-rules';
import { teamSkillsRule } from './team-skill-rules';
import { feedbackRule, questionsRule, rsvpsRule, sessionsRule } from './session-rules';

/** Every table PeerLearn creates. */
export type AnyTableId = TableId | DeliveryTableId;

/**
 * One rule per table: a table added to keys.ts without a rule here does not compile. The order is
 * the erase order: what finds the rest (the profile, with the person's name and email) goes last,
 * so an erase that stopped midway finds everything again when it runs a second time.
 */
export const PRIVACY_RULES = {
  memberships: membershipsRule,
  sessions: sessionsRule,
  rsvps: rsvpsRule,
  feedback: feedbackRule,
  questions: questionsRule,
  kudos: kudosRule,
  tips: tipsRule,
  learningRequests: learningRequestsRule,
  requestAlerts: requestAlertsRule,
  buddyPreferences: buddyPreferencesRule,
  buddyAnswers: buddyAnswersRule,
  buddyRounds: buddyRoundsRule,
  buddySchedules: buddySchedulesRule,
  skillHistory: skillHistoryRule,
  nudges: nudgesRule,
  teamGoals: teamGoalsRule,
  pulses: pulsesRule,
  insights: insightsRule,
  insightFacts: insightFactsRule,
  // After the kudos and the session facts a milestone job reads: a job that read them before the erase finds them changed (milestone-rules.ts).
  milestones: milestonesRule,
  teamSkills: teamSkillsRule,
  endorsements: endorsementsRule,
  delivered: deliveredRule,
  parked: parkedRule,
  tenants: tenantsRule,
  teams: teamsRule,
  profileChanges: profileChangesRule,
  expertSnapshots: expertSnapshotsRule,
  // The address holds the 1:1 conversation id that finds delivery rows; the profile holds name and email.
  addresses: addressesRule,
  profiles: profilesRule,
} as const satisfies Record<AnyTableId, PrivacyRule>;
