import type { Membership } from './team';

/** Someone on a Teams team roster, as the bot saw them. */
export interface RosterEntry {
  readonly userId: string;
  readonly displayName: string;
}

interface RosterChange {
  /** Memberships to write (new people, and everyone whose stored row should change). */
  readonly upsert: readonly Membership[];
  /** Stored members no longer on the roster. */
  readonly remove: readonly string[];
}

/**
 * What a full roster read changes. The bot's roster does not say who owns a team, so PeerLearn's
 * owners (who change settings and retry parked posts) are the people who installed the app and the
 * owners it already knew; everyone else on the roster is a member.
 */
export function planRosterSync(
  tenantId: string,
  teamId: string,
  stored: readonly Membership[],
  roster: readonly RosterEntry[],
  installerId: string | undefined,
  now: Date,
): RosterChange {
  const known = new Map(stored.map((m) => [m.userId, m]));
  const onRoster = new Set(roster.map((r) => r.userId));
  const upsert: Membership[] = [];
  for (const userId of onRoster) {
    const current = known.get(userId);
    const role = userId === installerId || current?.role === 'owner' ? 'owner' : 'member';
    if (current && current.role === role) continue;
    upsert.push({ tenantId, teamId, userId, role, joinedAt: current?.joinedAt ?? now.toISOString() });
  }
  const remove = stored.filter((m) => !onRoster.has(m.userId)).map((m) => m.userId);
  return { upsert, remove };
}
