/**
 * Learning buddies (DESIGN F8, issue #13): people who opt in are paired in rounds, per team and in a
 * tenant-wide pool, by what one can teach the other. The shared vocabulary of the matching, the
 * storage, the cards, the bot, the API and the tab.
 */

/** The pool of the tenant-wide rounds ("across the organisation"), in place of a team id. */
export const ORGANISATION_POOL = '~organisation';

/** A team id, or ORGANISATION_POOL. */
export type BuddyPoolId = string;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MEET_MODES = ['inPerson', 'online'] as const;
export type MeetMode = (typeof MEET_MODES)[number];

/** When and how someone can meet: at least one day and one mode (all days and both modes by default). */
export interface BuddyAvailability {
  readonly days: readonly Weekday[];
  readonly modes: readonly MeetMode[];
}

export const ANY_TIME: BuddyAvailability = { days: WEEKDAYS, modes: MEET_MODES };

/** One person's choice for one pool. No row means never opted in. */
export interface BuddyPreference {
  readonly tenantId: string;
  readonly poolId: BuddyPoolId;
  readonly userId: string;
  readonly optIn: boolean;
  /** Skip the next round only (`buddy pause`); the round that skipped them clears it. */
  readonly skipNext: boolean;
  readonly availability: BuddyAvailability;
  readonly updatedAt: string;
}

export const CADENCE_WEEKS = [1, 2, 4] as const;
export type CadenceWeeks = (typeof CADENCE_WEEKS)[number];

/** A team's rhythm of rounds, set by its owners; times are in the team's time zone (team settings). */
export interface BuddyCadence {
  readonly everyWeeks: CadenceWeeks;
  readonly weekday: Weekday;
  /** `HH:mm`, 24-hour. */
  readonly time: string;
}

/** The tenant pool's rhythm: every two weeks, Monday 10:00 in DEFAULT_TIME_ZONE. */
export const ORGANISATION_CADENCE: BuddyCadence = { everyWeeks: 2, weekday: 'mon', time: '10:00' };

/** Rounds whose pairs are avoided when a fresh pair exists. */
export const AVOID_RECENT_ROUNDS = 3;

/** What the matching knows of one person who takes part in a round. */
export interface BuddyCandidate {
  readonly userId: string;
  /** Skill keys (the taxonomy's normalised names) with level 1–3. */
  readonly teaches: readonly { readonly skill: string; readonly level: number }[];
  /** Skill keys they want to learn. */
  readonly wants: readonly string[];
  /** Lower-case language codes or names, as the profile holds them. */
  readonly languages: readonly string[];
  readonly availability: BuddyAvailability;
  /** Teams the person is in: the tenant pool prefers pairs from different teams. */
  readonly teamIds: readonly string[];
}

/** One direction of a pair's overlap: `from` can teach `to` this skill. */
export interface TeachMatch {
  readonly from: string;
  readonly to: string;
  readonly skill: string;
  readonly level: number;
}

/** Why these people were paired: structured, so every surface words it in its own language. */
export interface BuddyReason {
  readonly teaches: readonly TeachMatch[];
  readonly sharedLanguages: readonly string[];
  readonly sharedDays: readonly Weekday[];
  readonly sharedModes: readonly MeetMode[];
}

/** Two people, or three when the count is odd. */
export interface BuddyPair {
  readonly members: readonly string[];
  readonly reason: BuddyReason;
  /** A skill from `reason.teaches` to start with, when there is one. */
  readonly firstTopic?: string;
}

export interface MatchInput {
  /** Everyone who takes part this round (opted in, not skipping); each id once. */
  readonly candidates: readonly BuddyCandidate[];
  /** Pairs and trios of the last AVOID_RECENT_ROUNDS rounds, newest first. */
  readonly recentGroups: readonly (readonly string[])[];
  /** The same input and seed always give the same round. */
  readonly seed: number;
  /** The tenant pool: prefer members of different teams. */
  readonly preferOtherTeams: boolean;
}

export interface MatchResult {
  readonly pairs: readonly BuddyPair[];
  /** Only someone who is alone in the pool is left over. */
  readonly leftOver: readonly string[];
}

export type MatchRound = (input: MatchInput) => MatchResult;

/** How a round was started. */
type RoundTrigger = 'schedule' | 'owner';

/** A computed round: written once (insert, never replaced by a second computation), then only the answers change. */
export interface BuddyRound {
  readonly tenantId: string;
  readonly poolId: BuddyPoolId;
  /** The scheduled slot (`sched-<ISO start>`) or an owner's start (`now-<ISO>-<short id>`): sortable by start. */
  readonly roundId: string;
  readonly trigger: RoundTrigger;
  readonly startedAt: string;
  /** Halfway: when "did you meet?" goes out. */
  readonly checkInAt: string;
  /** When the next round is due (the end of this one). */
  readonly endsAt: string;
  readonly pairs: readonly BuddyPair[];
  readonly leftOver: readonly string[];
  /** Opted in but skipping this round (skipNext) at the time it was computed. */
  readonly skipped: readonly string[];
  readonly seed: number;
}

export const MET_ANSWERS = ['yes', 'notYet', 'wont'] as const;
export type MetAnswer = (typeof MET_ANSWERS)[number];

/** One person's "did you meet?" answer in a round; a later answer replaces theirs. */
export interface BuddyMetAnswer {
  readonly tenantId: string;
  readonly poolId: BuddyPoolId;
  readonly roundId: string;
  readonly userId: string;
  readonly answer: MetAnswer;
  readonly answeredAt: string;
}
