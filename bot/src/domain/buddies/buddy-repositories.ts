import type { BuddyCadence, BuddyMetAnswer, BuddyPoolId, BuddyPreference, BuddyRound } from './buddy';

/**
 * A pool's schedule: the team's cadence (the tenant pool's is fixed), when its next scheduled round
 * is due, the slot the scheduler last fired, and an owner's start still pending (two clicks, one round).
 */
export interface BuddySchedule {
  readonly tenantId: string;
  readonly poolId: BuddyPoolId;
  readonly cadence?: BuddyCadence;
  /** ISO; absent without a cadence. Indexed, so the scheduler finds due pools without a scan. */
  readonly nextDueAt?: string;
  /** The slot (ISO) whose round the scheduler enqueued last. */
  readonly firedSlot?: string;
  /** An owner's start (`now-…`) and when it was asked for. */
  readonly pendingRoundId?: string;
  readonly pendingAt?: string;
  readonly updatedAt: string;
}

/** One entry of the due index: a pool whose next round is due at `dueAt`. */
export interface BuddyDueEntry {
  readonly tenantId: string;
  readonly poolId: BuddyPoolId;
  readonly dueAt: string;
}

export interface BuddyPreferenceRepository {
  get(tenantId: string, poolId: BuddyPoolId, userId: string): Promise<BuddyPreference | undefined>;
  put(preference: BuddyPreference): Promise<void>;
  listPool(tenantId: string, poolId: BuddyPoolId): Promise<BuddyPreference[]>;
  /** Read-change-write under the row's ETag, retried on 412; `change` returns undefined to leave the row alone. */
  update(
    tenantId: string,
    poolId: BuddyPoolId,
    userId: string,
    change: (current: BuddyPreference | undefined) => BuddyPreference | undefined,
  ): Promise<BuddyPreference | undefined>;
}

export interface BuddyRoundRepository {
  /** Inserts the round; when a row with its id exists already, nothing is written and the stored one comes back. */
  create(round: BuddyRound): Promise<{ readonly created: boolean; readonly round: BuddyRound }>;
  get(tenantId: string, poolId: BuddyPoolId, roundId: string): Promise<BuddyRound | undefined>;
  /** The pool's latest rounds by start, newest first. */
  listRecent(tenantId: string, poolId: BuddyPoolId, limit: number): Promise<BuddyRound[]>;
}

export interface BuddyAnswerRepository {
  /** A later answer of the same person replaces theirs. */
  put(answer: BuddyMetAnswer): Promise<void>;
  listForRound(tenantId: string, poolId: BuddyPoolId, roundId: string): Promise<BuddyMetAnswer[]>;
}

export interface BuddyScheduleRepository {
  get(tenantId: string, poolId: BuddyPoolId): Promise<BuddySchedule | undefined>;
  /**
   * Read-change-write under the row's ETag, retried on 412; creates the row when missing. A new
   * `nextDueAt` gets its due-index entry before the row is written, so no due pool is ever without
   * one; the old entry is the caller's to remove (the scheduler removes it only after enqueueing).
   */
  update(
    tenantId: string,
    poolId: BuddyPoolId,
    change: (current: BuddySchedule | undefined) => BuddySchedule | undefined,
  ): Promise<{ readonly schedule: BuddySchedule | undefined; readonly previous: BuddySchedule | undefined; readonly changed: boolean }>;
  /** Due entries at or before `atIso`, oldest first, at most `limit`. */
  listDue(atIso: string, limit: number): Promise<BuddyDueEntry[]>;
  /** Writes the entry (idempotent): heals an index that lost the row's entry. */
  putDue(entry: BuddyDueEntry): Promise<void>;
  removeDue(entry: BuddyDueEntry): Promise<void>;
}

/** Learning buddies' stores (DESIGN F8). */
export interface BuddyRepositories {
  readonly preferences: BuddyPreferenceRepository;
  readonly rounds: BuddyRoundRepository;
  readonly answers: BuddyAnswerRepository;
  readonly schedules: BuddyScheduleRepository;
}
