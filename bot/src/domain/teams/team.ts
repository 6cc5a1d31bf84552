export interface Tenant {
  readonly tenantId: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface Channel {
  readonly channelId: string;
  readonly name: string;
}

/** A team keyed by its Teams thread id (`channelData.team.id` = the tab's `team.internalId`). */
export interface Team {
  readonly tenantId: string;
  readonly teamId: string;
  readonly name: string;
  readonly aadGroupId?: string;
  readonly locale: string;
  /** Team setting (team-settings.ts): minutes before the start for each reminder; absent = the defaults. */
  readonly reminderMinutes?: readonly number[];
  /** Team setting (team-settings.ts): IANA time zone; absent = Europe/Amsterdam. */
  readonly timeZone?: string;
  /** Team setting (team-settings.ts): weeks without a session after which a member counts as quiet; absent = DEFAULT_QUIET_WEEKS. */
  readonly quietWeeks?: number;
  readonly channels: readonly Channel[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /**
   * When the app was removed from the team: its memberships and address are gone then (issue #15),
   * the board says the app is no longer installed, and a reinstall clears it.
   */
  readonly uninstalledAt?: string;
}

type TeamRole = 'owner' | 'member';

export interface Membership {
  readonly tenantId: string;
  readonly teamId: string;
  readonly userId: string;
  readonly role: TeamRole;
  readonly joinedAt: string;
  /**
   * The name the team's roster gives the person: all PeerLearn keeps of someone who never used the
   * app (no profile is made for them, issue #15). Absent on rows from before, and until a roster read.
   */
  readonly displayName?: string;
}
