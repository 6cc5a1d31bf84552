import type { Outbox } from '../delivery/outbox';
import type { TeamRepository } from '../shared/repositories';
import { DEFAULT_TIME_ZONE } from '../shared/zoned-time';
import { settingsOf } from '../teams/team-settings';
import { ORGANISATION_CADENCE, ORGANISATION_POOL } from './buddy';
import type { BuddyCadence, BuddyPoolId } from './buddy';
import type { BuddySchedule, BuddyScheduleRepository } from './buddy-repositories';
import { firstSlotAfter, nextSlot, scheduledRoundId } from './buddy-slots';

interface SchedulingDeps {
  readonly teams: Pick<TeamRepository, 'get'>;
  readonly schedules: BuddyScheduleRepository;
  readonly outbox: Outbox;
  readonly now: () => Date;
}

/** Due pools handled per pass; the next pass (minutes later) takes the rest. */
const DUE_PER_PASS = 100;
/** A slot claimed this long ago whose index entry is still there: its claimer died before enqueueing. */
const CLAIM_GRACE_MS = 5 * 60_000;

/** The tenant pool runs on the fixed organisation cadence; a team on its owners' cadence. */
export const cadenceOf = (poolId: BuddyPoolId, schedule: BuddySchedule | undefined): BuddyCadence | undefined =>
  poolId === ORGANISATION_POOL ? ORGANISATION_CADENCE : schedule?.cadence;

export type BuddyScheduling = ReturnType<typeof createBuddyScheduling>;

export function createBuddyScheduling(deps: SchedulingDeps) {
  const { schedules, outbox, now } = deps;

  /** The pool's zone: the team's setting; the tenant pool's is DEFAULT_TIME_ZONE. Undefined for a team that is gone. */
  async function timeZoneOf(tenantId: string, poolId: BuddyPoolId): Promise<string | undefined> {
    if (poolId === ORGANISATION_POOL) return DEFAULT_TIME_ZONE;
    const team = await deps.teams.get(tenantId, poolId);
    return team && !team.uninstalledAt ? settingsOf(team).timeZone : undefined;
  }

  const removeOld = async (previous: BuddySchedule | undefined, current: BuddySchedule | undefined) => {
    if (previous?.nextDueAt && previous.nextDueAt !== current?.nextDueAt)
      await schedules.removeDue({ tenantId: previous.tenantId, poolId: previous.poolId, dueAt: previous.nextDueAt });
  };

  /**
   * Moves the pool past a slot whose round was enqueued (the scheduler's claim; a round job does it
   * again, harmlessly). `changed` says whether this call moved it: only the mover enqueues.
   */
  async function advancePast(tenantId: string, poolId: BuddyPoolId, slotIso: string): Promise<boolean> {
    const zone = await timeZoneOf(tenantId, poolId);
    if (!zone) return false;
    const at = now();
    const { changed } = await schedules.update(tenantId, poolId, (current) => {
      const cadence = cadenceOf(poolId, current);
      if (!current?.nextDueAt || !cadence || Date.parse(current.nextDueAt) > Date.parse(slotIso)) return undefined;
      const next = nextSlot(cadence, zone, new Date(slotIso), at);
      return { ...current, nextDueAt: next.toISOString(), firedSlot: slotIso, updatedAt: at.toISOString() };
    });
    return changed;
  }

  return {
    timeZoneOf,
    advancePast,

    /** A team's cadence and its first slot after now; `null` stops scheduled rounds. */
    async setCadence(tenantId: string, teamId: string, cadence: BuddyCadence | null, timeZone: string): Promise<BuddySchedule | undefined> {
      const at = now();
      const { schedule, previous } = await schedules.update(tenantId, teamId, (current) => {
        const { cadence: _old, nextDueAt: _due, ...rest } = current ?? { tenantId, poolId: teamId, updatedAt: '' };
        return {
          ...rest,
          ...(cadence ? { cadence, nextDueAt: firstSlotAfter(cadence, timeZone, at).toISOString() } : {}),
          updatedAt: at.toISOString(),
        };
      });
      await removeOld(previous, schedule);
      return schedule;
    },

    /** The tenant pool's schedule starts with its first member. */
    async ensureOrganisationSchedule(tenantId: string): Promise<void> {
      const at = now();
      await schedules.update(tenantId, ORGANISATION_POOL, (current) =>
        current?.nextDueAt
          ? undefined
          : {
              ...(current ?? { tenantId, poolId: ORGANISATION_POOL }),
              nextDueAt: firstSlotAfter(ORGANISATION_CADENCE, DEFAULT_TIME_ZONE, at).toISOString(),
              updatedAt: at.toISOString(),
            },
      );
    },

    /**
     * One scheduler pass: every due pool's slot is claimed under the row's ETag (moved to the next
     * slot), and only the claimer enqueues its round, named by the slot; the index entry goes last,
     * so a claimer that dies before enqueueing is covered by the next pass after a grace period.
     * Answers how many rounds it enqueued.
     */
    async enqueueDue(): Promise<number> {
      const at = now();
      let enqueued = 0;
      const enqueue = async (tenantId: string, poolId: BuddyPoolId, slotIso: string) => {
        await outbox.enqueue({ kind: 'startBuddyRound', tenantId, teamId: poolId, roundId: scheduledRoundId(new Date(slotIso)) });
        enqueued += 1;
      };
      for (const entry of await schedules.listDue(at.toISOString(), DUE_PER_PASS)) {
        const { tenantId, poolId, dueAt } = entry;
        const schedule = await schedules.get(tenantId, poolId);
        if (!cadenceOf(poolId, schedule) || !(await timeZoneOf(tenantId, poolId))) {
          await schedules.removeDue(entry);
          continue;
        }
        if (schedule?.nextDueAt === dueAt) {
          if (await advancePast(tenantId, poolId, dueAt)) {
            await enqueue(tenantId, poolId, dueAt);
            await schedules.removeDue(entry);
          }
          continue;
        }
        if (schedule?.firedSlot === dueAt) {
          // Claimed: by a live scheduler at work (leave it), or by one that died before enqueueing.
          if (at.getTime() - Date.parse(schedule.updatedAt) < CLAIM_GRACE_MS) continue;
          await enqueue(tenantId, poolId, dueAt);
        }
        await schedules.removeDue(entry);
        // Heal an index that lost the row's entry (a crash between the two writes).
        if (schedule?.nextDueAt) await schedules.putDue({ tenantId, poolId, dueAt: schedule.nextDueAt });
      }
      return enqueued;
    },
  };
}
