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
  readonly channels: readonly Channel[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

type TeamRole = 'owner' | 'member';

export interface Membership {
  readonly tenantId: string;
  readonly teamId: string;
  readonly userId: string;
  readonly role: TeamRole;
  readonly joinedAt: string;
}
