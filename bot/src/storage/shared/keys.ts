/**
 * Every table name, queue name and key format of PeerLearn, in one place.
 *
 * Every partition key starts from the tenant id, so an exact `PartitionKey eq …` query can never
 * reach another tenant's rows. Ids are escaped before they are joined, so a Teams id such as
 * `19:abc@thread.tacv2` or a name with `/`, `#`, `?` or `|` can neither break a key nor pose as a
 * separator.
 */

/** Table names: alphanumeric, 3+ characters (Table Storage's rule). */
export const TABLES = {
  tenants: 'plTenants',
  teams: 'plTeams',
  memberships: 'plMemberships',
  profiles: 'plProfiles',
  sessions: 'plSessions',
  rsvps: 'plRsvps',
  feedback: 'plFeedback',
  /** Expert search: endorsements of people's skills. */
  endorsements: 'plEndorsements',
  /** Expert search: the profile change feed every instance polls. */
  profileChanges: 'plProfileChanges',
  /** Expert search: each tenant's index snapshot, so an instance warms without reading every profile. */
  expertSnapshots: 'plExpertSnapshots',
  questions: 'plQuestions',
  kudos: 'plKudos',
  /** Learning requests and their votes (DESIGN F7). */
  learningRequests: 'plLearningRequests',
  /** Tips and training material (DESIGN F9). */
  tips: 'plTips',
  /** Learning buddies (DESIGN F8): who opted in to which pool, the computed rounds, "did you meet?", each pool's schedule. */
  buddyPreferences: 'plBuddyPreferences',
  buddyRounds: 'plBuddyRounds',
  buddyAnswers: 'plBuddyAnswers',
  buddySchedules: 'plBuddySchedules',
  /** My learning (issue #14): each change of a person's teach skills and levels. */
  skillHistory: 'plSkillHistory',
  /** Insights (issue #14): when an owner last nudged a quiet member, per team. */
  nudges: 'plNudges',
  /** Team goals (DESIGN F10): one row per team. */
  teamGoals: 'plTeamGoals',
  /** Pulse surveys (DESIGN F5): each pulse with its counts, and one anonymous marker per answer. */
  pulses: 'plPulses',
  /** Insights (DESIGN F10): per team, a fact per held session and the week and month rollups summed from them. */
  insights: 'plInsights',
  /** Insights: the session facts the rollups are summed from (a table apart, see the keys below). */
  insightFacts: 'plInsightFacts',
  /** Milestones (issue #12): one claim per (team, person, milestone), so each is celebrated once. */
  milestones: 'plMilestones',
  /** Learning requests (issue #12): per person and day, the one alert about a new request for a skill they teach. */
  requestAlerts: 'plRequestAlerts',
  /** The team taxonomy (issue #12): each team's own skills beyond the seeded catalogue, and who added them. */
  teamSkills: 'plTeamSkills',
} as const;

export type TableId = keyof typeof TABLES;

/** Queue names: lowercase letters, digits and hyphens (Queue Storage's rule). */
export const QUEUES = {
  /** Invite fan-out, reminders, feedback requests, pairing rounds: one queue, the job kind in the message. */
  jobs: 'peerlearn-jobs',
} as const;

export type QueueId = keyof typeof QUEUES;

export interface EntityKey {
  readonly partitionKey: string;
  readonly rowKey: string;
}

const SEPARATOR = '|';
const ESCAPE = '~';
// Letters, digits and the punctuation of Teams, Entra and Playground ids stay readable; everything
// else, including the separator, the escape mark and what Table Storage forbids (`/ \ # ?`,
// control characters), becomes `~` + four hex digits of the UTF-16 code unit.
const SAFE = /^[A-Za-z0-9\-_.:@]$/;
// Table Storage allows keys of up to 1 KiB; escaped keys are ASCII, so 512 characters stays inside
// that on every backend (Cosmos DB's Table API counts bytes differently).
const MAX_KEY_LENGTH = 512;

export function escapeKeyPart(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const ch = value.charAt(i);
    out += SAFE.test(ch) ? ch : ESCAPE + value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

export function unescapeKeyPart(escaped: string): string {
  return escaped.replace(/~([0-9A-F]{4})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Joins ids into one key. Ids are checked at run time too: callers may hand over parsed JSON. */
function join(kind: string, ...ids: readonly unknown[]): string {
  const parts = ids.map((id, index) => {
    if (typeof id !== 'string' || id.length === 0) {
      throw new TypeError(`Storage key ${kind}: id #${index + 1} must be a non-empty string, got ${JSON.stringify(id)}`);
    }
    return escapeKeyPart(id);
  });
  const key = parts.join(SEPARATOR);
  if (key.length > MAX_KEY_LENGTH) {
    throw new RangeError(`Storage key ${kind} is ${key.length} characters long; at most ${MAX_KEY_LENGTH} are allowed`);
  }
  return key;
}

// Fixed key words contain the raw separator, which escaped ids never do: they cannot collide.
const TENANT_ROW = `${SEPARATOR}tenant`;
/** The per-session RSVP tally row inside the RSVP partition (see table-rsvp-repository.ts). */
export const RSVP_TALLY_ROW_KEY = `${SEPARATOR}tally`;
/** A row that never exists, read by the health check. */
export const PING_KEY: EntityKey = { partitionKey: `${SEPARATOR}ping`, rowKey: `${SEPARATOR}ping` };

// plTenants: PK = tenant, RK = fixed.
export const tenantKey = (tenantId: string): EntityKey => ({ partitionKey: join('tenant', tenantId), rowKey: TENANT_ROW });

// plTeams: PK = tenant, RK = team.
export const teamsPartition = (tenantId: string): string => join('teams', tenantId);
export const teamKey = (tenantId: string, teamId: string): EntityKey => ({
  partitionKey: teamsPartition(tenantId),
  rowKey: join('team', teamId),
});

// plMemberships: each membership is written twice, once under its team and once under its user,
// so "members of a team" and "teams of a user" are both single-partition queries.
export const membersOfTeamPartition = (tenantId: string, teamId: string): string =>
  `team${SEPARATOR}${join('membersOfTeam', tenantId, teamId)}`;
export const teamsOfUserPartition = (tenantId: string, userId: string): string =>
  `user${SEPARATOR}${join('teamsOfUser', tenantId, userId)}`;
export const membershipByTeamKey = (tenantId: string, teamId: string, userId: string): EntityKey => ({
  partitionKey: membersOfTeamPartition(tenantId, teamId),
  rowKey: join('membership', userId),
});
export const membershipByUserKey = (tenantId: string, teamId: string, userId: string): EntityKey => ({
  partitionKey: teamsOfUserPartition(tenantId, userId),
  rowKey: join('membership', teamId),
});

// plProfiles: PK = tenant (expert search spans the tenant), RK = user.
export const profilesPartition = (tenantId: string): string => join('profiles', tenantId);
export const profileKey = (tenantId: string, userId: string): EntityKey => ({
  partitionKey: profilesPartition(tenantId),
  rowKey: join('profile', userId),
});

// plSessions: PK = tenant|team, RK = session.
export const sessionsPartition = (tenantId: string, teamId: string): string => join('sessions', tenantId, teamId);
export const sessionKey = (tenantId: string, teamId: string, sessionId: string): EntityKey => ({
  partitionKey: sessionsPartition(tenantId, teamId),
  rowKey: join('session', sessionId),
});

// plSessions, beside the teams' partitions: the tenant's upcoming sessions open to the whole
// organisation (PK tenant + a fixed word no escaped team id can be, RK start|team|session), so
// "open to everyone" is one range read of one partition, whatever the number of teams.
export const openSessionsPartition = (tenantId: string): string => `${join('openSessions', tenantId)}${SEPARATOR}${SEPARATOR}open`;
export const openSessionKey = (tenantId: string, startsAt: string, teamId: string, sessionId: string): EntityKey => ({
  partitionKey: openSessionsPartition(tenantId),
  rowKey: join('openSession', startsAt, teamId, sessionId),
});

// plRsvps: PK = tenant|session, RK = user (plus the tally row).
export const rsvpPartition = (tenantId: string, sessionId: string): string => join('rsvps', tenantId, sessionId);
export const rsvpKey = (tenantId: string, sessionId: string, userId: string): EntityKey => ({
  partitionKey: rsvpPartition(tenantId, sessionId),
  rowKey: join('rsvp', userId),
});
// The same answers indexed by person (PK tenant|user, RK session), so "my answers" is one partition read.
export const rsvpsOfUserPartition = (tenantId: string, userId: string): string => join('rsvpsOfUser', tenantId, userId);
export const rsvpOfUserKey = (tenantId: string, userId: string, sessionId: string): EntityKey => ({
  partitionKey: rsvpsOfUserPartition(tenantId, userId),
  rowKey: join('rsvp', sessionId),
});
export const rsvpTallyKey = (tenantId: string, sessionId: string): EntityKey => ({
  partitionKey: rsvpPartition(tenantId, sessionId),
  rowKey: RSVP_TALLY_ROW_KEY,
});

// plFeedback: PK = tenant|session, RK = user (one answer per attendee).
export const feedbackPartition = (tenantId: string, sessionId: string): string => join('feedback', tenantId, sessionId);
export const feedbackKey = (tenantId: string, sessionId: string, userId: string): EntityKey => ({
  partitionKey: feedbackPartition(tenantId, sessionId),
  rowKey: join('feedback', userId),
});

// Delivery (the outbox's side tables; created by delivery-storage.ts, not by createStorage).
export const DELIVERY_TABLES = {
  /** Where the bot can post: team addresses and people's 1:1 chats. */
  addresses: 'plAddresses',
  /** The idempotency record: outgoing message key → the posted activity. */
  delivered: 'plDelivered',
  /** Messages that could not be delivered, for the team owner. */
  parked: 'plParked',
} as const;

export type DeliveryTableId = keyof typeof DELIVERY_TABLES;

// plAddresses: PK = team|tenant or person|tenant (one partition each), RK = team or user.
export const teamAddressKey = (tenantId: string, teamId: string): EntityKey => ({
  partitionKey: `team${SEPARATOR}${join('teamAddress', tenantId)}`,
  rowKey: join('teamAddress', teamId),
});
export const personAddressKey = (tenantId: string, userId: string): EntityKey => ({
  partitionKey: `person${SEPARATOR}${join('personAddress', tenantId)}`,
  rowKey: join('personAddress', userId),
});

// plDelivered: PK = tenant, RK = the message's idempotency key.
export const deliveredKey = (tenantId: string, key: string): EntityKey => ({
  partitionKey: join('delivered', tenantId),
  rowKey: join('deliveredKey', key),
});

// plParked: PK = tenant|team (what an owner lists), RK = parked id. An unknown team is stored as `|none`.
const PARKED_NO_TEAM = `${SEPARATOR}none`;
export const parkedPartition = (tenantId: string, teamId: string): string =>
  teamId === '' ? `${join('parked', tenantId)}${SEPARATOR}${PARKED_NO_TEAM}` : join('parked', tenantId, teamId);
export const parkedKey = (tenantId: string, teamId: string, parkedId: string): EntityKey => ({
  partitionKey: parkedPartition(tenantId, teamId),
  rowKey: join('parked', parkedId),
});

// plQuestions: PK = tenant|session, RK = question (the host reads a session's questions at once).
export const questionsPartition = (tenantId: string, sessionId: string): string => join('questions', tenantId, sessionId);
export const questionKey = (tenantId: string, sessionId: string, questionId: string): EntityKey => ({
  partitionKey: questionsPartition(tenantId, sessionId),
  rowKey: join('question', questionId),
});

// plKudos: PK = tenant|team (the kudos wall), RK = kudos.
export const kudosPartition = (tenantId: string, teamId: string): string => join('kudos', tenantId, teamId);
export const kudosKey = (tenantId: string, teamId: string, kudosId: string): EntityKey => ({
  partitionKey: kudosPartition(tenantId, teamId),
  rowKey: join('kudos', kudosId),
});

// plLearningRequests (DESIGN F7): PK = tenant|team. In it: `r|<request>` (the request), `v|<request>|<user>`
// (one vote each, so a person's +1 is idempotent and a request's voters are a range) and `s|<skill key>`
// (the open request of a skill, created in the request's transaction: two open requests for one skill
// cannot both be written). The fixed prefixes hold the raw separator, which escaped ids never do.
export const learningRequestsPartition = (tenantId: string, teamId: string): string => join('learningRequests', tenantId, teamId);
export const learningRequestKey = (tenantId: string, teamId: string, requestId: string): EntityKey => ({
  partitionKey: learningRequestsPartition(tenantId, teamId),
  rowKey: `r${SEPARATOR}${join('learningRequest', requestId)}`,
});
export const learningRequestVoteKey = (tenantId: string, teamId: string, requestId: string, userId: string): EntityKey => ({
  partitionKey: learningRequestsPartition(tenantId, teamId),
  rowKey: `v${SEPARATOR}${join('learningRequestVote', requestId, userId)}`,
});
export const openSkillRequestKey = (tenantId: string, teamId: string, skillKey: string): EntityKey => ({
  partitionKey: learningRequestsPartition(tenantId, teamId),
  rowKey: `s${SEPARATOR}${join('openSkillRequest', skillKey)}`,
});
/** RowKey ranges [from, to) of the kinds of rows above: `|` is followed by `}` in ASCII. */
export const LEARNING_REQUEST_ROWS = { from: `r${SEPARATOR}`, to: 'r}' } as const;
export const LEARNING_REQUEST_VOTE_ROWS = { from: `v${SEPARATOR}`, to: 'v}' } as const;

// plEndorsements: PK = tenant (the index loads a tenant at once), RK = person|skill|endorser,
// so one endorser endorses one skill of one person once (idempotent), and a person's rows are a range.
export const endorsementsPartition = (tenantId: string): string => join('endorsements', tenantId);
export const endorsementKey = (tenantId: string, userId: string, skillKey: string, endorserId: string): EntityKey => ({
  partitionKey: endorsementsPartition(tenantId),
  rowKey: join('endorsement', userId, skillKey, endorserId),
});
/** The RowKey range [from, to) of one person's endorsements: `|` is followed by `}` in ASCII. */
export const endorsementsOfPersonRange = (tenantId: string, userId: string): { readonly from: string; readonly to: string } => {
  const prefix = join('endorsementsOf', userId);
  return { from: `${prefix}${SEPARATOR}`, to: `${prefix}}` };
};

// plProfileChanges: PK = tenant, RK = writer's time (15 digits, ms) + `|` + random, so a
// `RowKey ge` query reads a tenant's changes since a moment, oldest first. The directory partition
// lists the tenants that ever changed (the ones to warm at start); its fixed key cannot collide.
export const profileChangesPartition = (tenantId: string): string => join('profileChanges', tenantId);
export const profileChangeRowKey = (atMs: number, unique: string): string =>
  `${String(Math.max(0, Math.floor(atMs))).padStart(15, '0')}${SEPARATOR}${join('profileChange', unique)}`;
export const profileChangeTimeKey = (atMs: number): string => String(Math.max(0, Math.floor(atMs))).padStart(15, '0');
export const PROFILE_CHANGE_TENANTS_PARTITION = `${SEPARATOR}tenants`;
export const profileChangeTenantKey = (tenantId: string): EntityKey => ({
  partitionKey: PROFILE_CHANGE_TENANTS_PARTITION,
  rowKey: join('profileChangeTenant', tenantId),
});

// plExpertSnapshots: PK = tenant; one head row names the current generation; its chunks are rows
// `chunk|<generation>|<nnnn>`, so a new generation is written beside the old one before the head moves.
export const expertSnapshotPartition = (tenantId: string): string => join('expertSnapshot', tenantId);
export const EXPERT_SNAPSHOT_HEAD_ROW = 'head';
export const expertSnapshotChunkRowKey = (generation: string, index: number): string =>
  `${join('chunk', generation)}${SEPARATOR}${String(index).padStart(4, '0')}`;

// plTips (DESIGN F9): PK = tenant|team, RK = inverted creation time (15 digits, ms) + `|` + tip, so a
// partition read in RowKey order is newest first and a page continues with `RowKey gt <last>`.
const TIP_TIME_CEILING = 999_999_999_999_999;
export const tipsPartition = (tenantId: string, teamId: string): string => join('tips', tenantId, teamId);
const tipRowKey = (createdAtMs: number, tipId: string): string =>
  `${String(TIP_TIME_CEILING - Math.max(0, Math.floor(createdAtMs))).padStart(15, '0')}${SEPARATOR}${join('tip', tipId)}`;
export const tipKey = (tenantId: string, teamId: string, createdAtMs: number, tipId: string): EntityKey => ({
  partitionKey: tipsPartition(tenantId, teamId),
  rowKey: tipRowKey(createdAtMs, tipId),
});
/** Whether a text has the shape of a tip's RowKey (a paging cursor from a client is checked before use). */
export const isTipRowKey = (value: string): boolean => /^\d{15}\|[A-Za-z0-9\-_.:@~]{1,300}$/.test(value);

// Learning buddies (DESIGN F8). A pool is a team id or ORGANISATION_POOL; both are escaped like any id.
// plBuddyPreferences: PK = tenant|pool (a round reads its pool at once), RK = user.
export const buddyPreferencesPartition = (tenantId: string, poolId: string): string => join('buddyPreferences', tenantId, poolId);
export const buddyPreferenceKey = (tenantId: string, poolId: string, userId: string): EntityKey => ({
  partitionKey: buddyPreferencesPartition(tenantId, poolId),
  rowKey: join('buddyPreference', userId),
});

// plBuddyRounds: PK = tenant|pool, RK = round id (inserted once; a pool's rounds are few, one partition).
export const buddyRoundsPartition = (tenantId: string, poolId: string): string => join('buddyRounds', tenantId, poolId);
export const buddyRoundKey = (tenantId: string, poolId: string, roundId: string): EntityKey => ({
  partitionKey: buddyRoundsPartition(tenantId, poolId),
  rowKey: join('buddyRound', roundId),
});

// plBuddyAnswers: PK = tenant|pool|round (the owners' view reads a round's answers at once), RK = user.
export const buddyAnswersPartition = (tenantId: string, poolId: string, roundId: string): string =>
  join('buddyAnswers', tenantId, poolId, roundId);
export const buddyAnswerKey = (tenantId: string, poolId: string, roundId: string, userId: string): EntityKey => ({
  partitionKey: buddyAnswersPartition(tenantId, poolId, roundId),
  rowKey: join('buddyAnswer', userId),
});

// plBuddySchedules: a pool's schedule row (PK = tenant, RK = pool), and the due index in one fixed
// partition, RK = `<ISO due>|tenant|pool`, so the scheduler reads what is due with one range query
// (ISO times in UTC sort as text). The fixed partition holds the raw separator: no tenant's key can be it.
export const buddyScheduleKey = (tenantId: string, poolId: string): EntityKey => ({
  partitionKey: join('buddySchedules', tenantId),
  rowKey: join('buddySchedule', poolId),
});
export const BUDDY_DUE_PARTITION = `${SEPARATOR}due`;
export const buddyDueKey = (dueAt: string, tenantId: string, poolId: string): EntityKey => ({
  partitionKey: BUDDY_DUE_PARTITION,
  rowKey: `${dueAt}${SEPARATOR}${join('buddyDue', tenantId, poolId)}`,
});
/** The RowKey bound of the due entries at or before `atIso`: every entry of that moment sorts before it. */
export const buddyDueUntil = (atIso: string): string => `${atIso}}`;

// plSkillHistory: PK = tenant|user (My learning reads one person's history at once), RK = time|skill,
// so the rows sort oldest first and the same change written twice (a retried edit) is one row.
export const skillHistoryPartition = (tenantId: string, userId: string): string => join('skillHistory', tenantId, userId);
export const skillHistoryKey = (tenantId: string, userId: string, atMs: number, skill: string): EntityKey => ({
  partitionKey: skillHistoryPartition(tenantId, userId),
  rowKey: `${String(Math.max(0, Math.floor(atMs))).padStart(15, '0')}${SEPARATOR}${join('skill', skill.trim().toLowerCase())}`,
});

// plNudges: PK = tenant|team, RK = user: the last nudge of each member (one point read before the next).
export const nudgesPartition = (tenantId: string, teamId: string): string => join('nudges', tenantId, teamId);
export const nudgeKey = (tenantId: string, teamId: string, userId: string): EntityKey => ({
  partitionKey: nudgesPartition(tenantId, teamId),
  rowKey: join('nudge', userId),
});
// plMilestones (issue #12): PK = tenant|team, RK = user|milestone: one row per claim, created only if absent
// (the arbiter of "celebrated once"). A copy of each claim sits in the person's own partition,
// PK = person|tenant|user, RK = team|milestone, so My learning reads one partition instead of every team's.
export const milestonesPartition = (tenantId: string, teamId: string): string => join('milestones', tenantId, teamId);
export const milestoneKey = (tenantId: string, teamId: string, userId: string, milestone: string): EntityKey => ({
  partitionKey: milestonesPartition(tenantId, teamId),
  rowKey: join('milestone', userId, milestone),
});
export const personMilestonesPartition = (tenantId: string, userId: string): string =>
  `person${SEPARATOR}${join('personMilestones', tenantId, userId)}`;
export const personMilestoneKey = (tenantId: string, teamId: string, userId: string, milestone: string): EntityKey => ({
  partitionKey: personMilestonesPartition(tenantId, userId),
  rowKey: join('personMilestone', teamId, milestone),
});
/** In the team's partition: the first events of one kind a person had there (domain/milestones/milestone-tally.ts). */
export const milestoneTallyKey = (tenantId: string, teamId: string, userId: string, kind: string): EntityKey => ({
  partitionKey: milestonesPartition(tenantId, teamId),
  rowKey: `${SEPARATOR}tally${SEPARATOR}${join('milestoneTally', userId, kind)}`,
});
/** In the person's partition: their claims from before the copies existed were copied in (one-off, on the first read). */
export const personMilestonesCopiedKey = (tenantId: string, userId: string): EntityKey => ({
  partitionKey: personMilestonesPartition(tenantId, userId),
  rowKey: `${SEPARATOR}copied`,
});
// plTeamGoals (DESIGN F10): PK = tenant|team, one fixed row holding the team's goals (replaced as a whole).
export const teamGoalsKey = (tenantId: string, teamId: string): EntityKey => ({
  partitionKey: join('teamGoals', tenantId, teamId),
  rowKey: `${SEPARATOR}goals`,
});

// plPulses (DESIGN F5): PK = tenant|team. In it: `p|<pulse>` (the pulse and its counts) and
// `a|<pulse>|<marker>` (one per answer; the marker is a keyed hash that names no one), so the marker's
// insert and the counts' update are one entity-group transaction.
export const pulsesPartition = (tenantId: string, teamId: string): string => join('pulses', tenantId, teamId);
export const pulseKey = (tenantId: string, teamId: string, pulseId: string): EntityKey => ({
  partitionKey: pulsesPartition(tenantId, teamId),
  rowKey: `p${SEPARATOR}${join('pulse', pulseId)}`,
});
export const pulseAnswerKey = (tenantId: string, teamId: string, pulseId: string, marker: string): EntityKey => ({
  partitionKey: pulsesPartition(tenantId, teamId),
  rowKey: `a${SEPARATOR}${join('pulseAnswer', pulseId, marker)}`,
});
/** RowKey range [from, to) of the pulse rows (`|` is followed by `}` in ASCII). */
export const PULSE_ROWS = { from: `p${SEPARATOR}`, to: 'p}' } as const;
// plInsights (DESIGN F10): PK = tenant|team. In it: `fact|<ISO start>|<session>` (one per held session, so a
// period's facts are one RowKey range), `factOf|<session>` (where the session's fact is, so a moved start
// finds its old row), `week|2026-W48` and `month|2026-11` (the rollups), `meta|fold` and `meta|backfill`.
// ISO starts in UTC (`toISOString`) sort as text; fixed words hold the raw separator, escaped ids never do.

// Insights (DESIGN F10). plInsights: PK = tenant|team, RK `week|2026-W48` and `month|2026-11` (the rollups
// the report reads), `meta|fold` and `meta|backfill`. plInsightFacts: PK = tenant|team, RK `fact|<ISO
// start>|<session>` (one per held session, so a period's facts are one RowKey range) and `factOf|<session>`
// (where the session's fact is, so a moved start finds its old row). The facts are a table apart because
// Azurite filters a query over every row of its table: a report then reads a hundred-odd period rows
// however long the history (Table Storage itself indexes the keys). ISO starts in UTC (`toISOString`)
// sort as text; fixed words hold the raw separator, escaped ids never do.
export const insightsPartition = (tenantId: string, teamId: string): string => join('insights', tenantId, teamId);
export const insightsFactsPartition = (tenantId: string, teamId: string): string => join('insightFacts', tenantId, teamId);
const insightsKey = (tenantId: string, teamId: string, rowKey: string): EntityKey => ({
  partitionKey: insightsPartition(tenantId, teamId),
  rowKey,
});
const insightsFactRow = (tenantId: string, teamId: string, rowKey: string): EntityKey => ({
  partitionKey: insightsFactsPartition(tenantId, teamId),
  rowKey,
});
export const insightsFactKey = (tenantId: string, teamId: string, startsAt: string, sessionId: string): EntityKey =>
  insightsFactRow(tenantId, teamId, `fact${SEPARATOR}${new Date(startsAt).toISOString()}${SEPARATOR}${join('insightsFact', sessionId)}`);
export const insightsFactPointerKey = (tenantId: string, teamId: string, sessionId: string): EntityKey =>
  insightsFactRow(tenantId, teamId, `factOf${SEPARATOR}${join('insightsFactOf', sessionId)}`);
/** The fact rows of sessions starting in [fromIso, toIso). */
export const insightsFactRange = (fromIso: string, toIso: string): { readonly from: string; readonly to: string } => ({
  from: `fact${SEPARATOR}${fromIso}`,
  to: `fact${SEPARATOR}${toIso}`,
});
export const insightsPeriodKey = (tenantId: string, teamId: string, granularity: 'week' | 'month', period: string): EntityKey =>
  insightsKey(tenantId, teamId, `${granularity}${SEPARATOR}${join('insightsPeriod', period)}`);
export const insightsPeriodRows = (granularity: 'week' | 'month'): { readonly from: string; readonly to: string } => ({
  from: `${granularity}${SEPARATOR}`,
  to: `${granularity}}`,
});
export const insightsMetaKey = (tenantId: string, teamId: string, which: 'fold' | 'backfill'): EntityKey =>
  insightsKey(tenantId, teamId, `meta${SEPARATOR}${which}`);

// plRequestAlerts: PK = tenant|person, RK = day: one insert-only claim per person per day (an erase drops the partition).
export const requestAlertsPartition = (tenantId: string, userId: string): string => join('requestAlerts', tenantId, userId);
export const requestAlertKey = (tenantId: string, userId: string, day: string): EntityKey => ({
  partitionKey: requestAlertsPartition(tenantId, userId),
  rowKey: join('day', day),
});
// plTeamSkills: PK = tenant|team (a team's checks read its own skills at once), RK = the skill's compact key, so one skill is one row.
export const teamSkillsPartition = (tenantId: string, teamId: string): string => join('teamSkills', tenantId, teamId);
export const teamSkillKey = (tenantId: string, teamId: string, key: string): EntityKey => ({
  partitionKey: teamSkillsPartition(tenantId, teamId),
  rowKey: join('teamSkill', key),
});
