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
} as const;

export type TableId = keyof typeof TABLES;
export type TableName = (typeof TABLES)[TableId];

/** Queue names: lowercase letters, digits and hyphens (Queue Storage's rule). */
export const QUEUES = {
  /** Invite fan-out, reminders, feedback requests, pairing rounds (later issues). */
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

// plRsvps: PK = tenant|session, RK = user (plus the tally row).
export const rsvpPartition = (tenantId: string, sessionId: string): string => join('rsvps', tenantId, sessionId);
export const rsvpKey = (tenantId: string, sessionId: string, userId: string): EntityKey => ({
  partitionKey: rsvpPartition(tenantId, sessionId),
  rowKey: join('rsvp', userId),
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
